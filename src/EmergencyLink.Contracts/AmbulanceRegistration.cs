using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Units;

namespace EmergencyLink.Contracts;

/// <summary>What seeding knows of an ambulance before its first shift.</summary>
[GenerateSerializer, Immutable]
public sealed record AmbulanceRegistration(
    [property: Id(0)] string CallSign,
    [property: Id(1)] UnitCapability Capability,
    [property: Id(2)] string StationId,
    [property: Id(3)] GeoPoint Location);
