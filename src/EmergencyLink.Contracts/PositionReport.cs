using EmergencyLink.Domain.Geography;

namespace EmergencyLink.Contracts;

[GenerateSerializer, Immutable]
public sealed record PositionReport(
    [property: Id(0)] GeoPoint Location,
    [property: Id(1)] double? Heading,
    [property: Id(2)] double? SpeedKmh);
