using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Hospitals;

namespace EmergencyLink.Geo.Maps;

public sealed record HospitalSite(
    string Id,
    string Name,
    GeoPoint Location,
    HospitalCapabilities Capabilities,
    int EdBeds,
    int EdBedsFree);
