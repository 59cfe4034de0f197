using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Hospitals;

namespace EmergencyLink.Contracts;

[GenerateSerializer, Immutable]
public sealed record HospitalSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] GeoPoint Location,
    [property: Id(3)] HospitalCapabilities Capabilities,
    [property: Id(4)] bool Diversion,
    [property: Id(5)] int EdBeds,
    [property: Id(6)] int EdBedsFree,
    [property: Id(7)] DateTimeOffset UpdatedAt,
    [property: Id(8)] int InboundCount);
