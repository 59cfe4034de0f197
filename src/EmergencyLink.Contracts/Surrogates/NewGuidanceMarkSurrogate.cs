using EmergencyLink.Domain.Guidance;

namespace EmergencyLink.Contracts.Surrogates;

[GenerateSerializer]
public struct NewGuidanceMarkSurrogate
{
    [Id(0)] public string? Channel;
    [Id(1)] public long Sequence;
    [Id(2)] public GuidanceShape Shape;
    [Id(3)] public IReadOnlyList<GuidancePoint>? Points;
    [Id(4)] public string? Text;
    [Id(5)] public string? Colour;
}
