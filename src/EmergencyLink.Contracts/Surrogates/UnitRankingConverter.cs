using EmergencyLink.Domain.Dispatch;

namespace EmergencyLink.Contracts.Surrogates;

[RegisterConverter]
public sealed class UnitRankingConverter : IConverter<UnitRanking, UnitRankingSurrogate>
{
    public UnitRanking ConvertFromSurrogate(in UnitRankingSurrogate s) => new(s.Ranked, s.Excluded);

    public UnitRankingSurrogate ConvertToSurrogate(in UnitRanking v) => new() { Ranked = [.. v.Ranked], Excluded = [.. v.Excluded] };
}
