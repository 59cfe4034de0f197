using EmergencyLink.Server.Api;

namespace EmergencyLink.Server.Coverage;

/// <summary>How much of the region's demand a free unit can reach within the priority-1 target, and where not.</summary>
public sealed record CoverageReport(
    double TargetMinutes,
    double CoveredShare,
    int AvailableUnits,
    int DemandPoints,
    int UncoveredPoints,
    GeoJsonGeometry Uncovered,
    DateTimeOffset At);
