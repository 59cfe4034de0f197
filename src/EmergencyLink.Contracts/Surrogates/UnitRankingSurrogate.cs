using EmergencyLink.Domain.Dispatch;

namespace EmergencyLink.Contracts.Surrogates;

[GenerateSerializer]
public struct UnitRankingSurrogate
{
    [Id(0)] public UnitRecommendation[] Ranked;
    [Id(1)] public UnitExclusion[] Excluded;
}
