namespace EmergencyLink.Geo.Coverage;

/// <param name="CoveredShare">Covered demand weight over all demand weight, 0..1.</param>
/// <param name="UncoveredNodes">Road nodes of demand no available unit reaches in time.</param>
public sealed record CoverageResult(double CoveredShare, double TotalWeight, double CoveredWeight, int Units, IReadOnlyList<int> UncoveredNodes);
