using EmergencyLink.Domain.Units;

namespace EmergencyLink.Domain.Dispatch;

/// <summary>One ranked unit for a case.</summary>
public sealed record UnitRecommendation(
    string AmbulanceId,
    string CallSign,
    double EtaSeconds,
    double DistanceMeters,
    UnitCapability Capability,
    UnitStatus Status);
