using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Hospitals;

namespace EmergencyLink.Contracts;

[GenerateSerializer, Immutable]
public sealed record HospitalRegistration(
    [property: Id(0)] string Name,
    [property: Id(1)] GeoPoint Location,
    [property: Id(2)] HospitalCapabilities Capabilities,
    [property: Id(3)] int EdBeds,
    [property: Id(4)] int EdBedsFree);
