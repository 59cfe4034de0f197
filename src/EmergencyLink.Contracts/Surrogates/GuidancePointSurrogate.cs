using EmergencyLink.Domain.Guidance;

namespace EmergencyLink.Contracts.Surrogates;

[GenerateSerializer]
public struct GuidancePointSurrogate
{
    [Id(0)] public double X;
    [Id(1)] public double Y;
}
