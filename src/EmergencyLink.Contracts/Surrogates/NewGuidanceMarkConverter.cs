using EmergencyLink.Domain.Guidance;

namespace EmergencyLink.Contracts.Surrogates;

[RegisterConverter]
public sealed class NewGuidanceMarkConverter : IConverter<NewGuidanceMark, NewGuidanceMarkSurrogate>
{
    public NewGuidanceMark ConvertFromSurrogate(in NewGuidanceMarkSurrogate s) => new(s.Channel, s.Sequence, s.Shape, s.Points, s.Text, s.Colour);

    public NewGuidanceMarkSurrogate ConvertToSurrogate(in NewGuidanceMark v) => new() { Channel = v.Channel, Sequence = v.Sequence, Shape = v.Shape, Points = v.Points, Text = v.Text, Colour = v.Colour };
}
