using EmergencyLink.Domain.Geography;

namespace EmergencyLink.Geo.Maps;

public sealed record StationSite(string Id, string Name, GeoPoint Location);
