using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Units;

namespace EmergencyLink.Contracts;

[GenerateSerializer, Immutable]
public sealed record AmbulanceSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string CallSign,
    [property: Id(2)] GeoPoint Location,
    [property: Id(3)] double? Heading,
    [property: Id(4)] double? SpeedKmh,
    [property: Id(5)] DateTimeOffset? PositionAt,
    [property: Id(6)] UnitStatus Status,
    [property: Id(7)] DateTimeOffset StatusSince,
    [property: Id(8)] UnitCapability Capability,
    [property: Id(9)] string StationId,
    [property: Id(10)] string? IncidentId,
    [property: Id(11)] long Version)
{
    public static AmbulanceSnapshot From(AmbulanceRecord r) => new(
        r.Id, r.CallSign, r.Location, r.Heading, r.SpeedKmh, r.PositionAt, r.Status, r.StatusSince, r.Capability,
        r.StationId, r.IncidentId, r.Version);
}
