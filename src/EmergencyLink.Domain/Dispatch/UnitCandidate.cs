using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Units;

namespace EmergencyLink.Domain.Dispatch;

/// <summary>A unit as the recommender sees it.</summary>
public sealed record UnitCandidate(
    string AmbulanceId,
    string CallSign,
    UnitCapability Capability,
    UnitStatus Status,
    GeoPoint Location);
