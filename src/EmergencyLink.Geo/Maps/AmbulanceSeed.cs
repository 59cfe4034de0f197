using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Units;

namespace EmergencyLink.Geo.Maps;

public sealed record AmbulanceSeed(
    string Id,
    string CallSign,
    UnitCapability Capability,
    string StationId,
    GeoPoint Location);
