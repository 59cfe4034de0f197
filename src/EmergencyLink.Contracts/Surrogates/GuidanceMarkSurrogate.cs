using EmergencyLink.Domain.Guidance;

namespace EmergencyLink.Contracts.Surrogates;

[GenerateSerializer]
public struct GuidanceMarkSurrogate
{
    [Id(0)] public string Id;
    [Id(1)] public DateTimeOffset At;
    [Id(2)] public string Author;
    [Id(3)] public string? HospitalId;
    [Id(4)] public string Channel;
    [Id(5)] public long Sequence;
    [Id(6)] public GuidanceShape Shape;
    [Id(7)] public IReadOnlyList<GuidancePoint> Points;
    [Id(8)] public string? Text;
    [Id(9)] public string? Colour;
}
