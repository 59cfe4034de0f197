using EmergencyLink.Domain.Guidance;

namespace EmergencyLink.Contracts.Surrogates;

[RegisterConverter]
public sealed class GuidanceMarkConverter : IConverter<GuidanceMark, GuidanceMarkSurrogate>
{
    public GuidanceMark ConvertFromSurrogate(in GuidanceMarkSurrogate s) => new(s.Id, s.At, s.Author, s.HospitalId, s.Channel, s.Sequence, s.Shape, s.Points, s.Text, s.Colour);

    public GuidanceMarkSurrogate ConvertToSurrogate(in GuidanceMark v) => new() { Id = v.Id, At = v.At, Author = v.Author, HospitalId = v.HospitalId, Channel = v.Channel, Sequence = v.Sequence, Shape = v.Shape, Points = v.Points, Text = v.Text, Colour = v.Colour };
}
