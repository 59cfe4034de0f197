using EmergencyLink.Domain.Guidance;

namespace EmergencyLink.Contracts.Surrogates;

[RegisterConverter]
public sealed class GuidancePointConverter : IConverter<GuidancePoint, GuidancePointSurrogate>
{
    public GuidancePoint ConvertFromSurrogate(in GuidancePointSurrogate s) => new(s.X, s.Y);

    public GuidancePointSurrogate ConvertToSurrogate(in GuidancePoint v) => new() { X = v.X, Y = v.Y };
}
