using EmergencyLink.Domain.Geography;

namespace EmergencyLink.Geo.Coverage;

/// <summary>A unit or a station, by id, where coverage is measured from.</summary>
public sealed record CoverageSite(string Id, GeoPoint Location);
