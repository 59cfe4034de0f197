namespace EmergencyLink.Domain.Dispatch;

/// <summary>The ranked units and, for the dispatcher who asks, every unit left out with the reason.</summary>
public sealed record UnitRanking(IReadOnlyList<UnitRecommendation> Ranked, IReadOnlyList<UnitExclusion> Excluded);
