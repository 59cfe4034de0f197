using EmergencyLink.Domain.Geography;

namespace EmergencyLink.Geo.Routing;

/// <summary>Where a unit following a route is: the point, its heading (degrees from north) and whether it has arrived.</summary>
public readonly record struct RoutePosition(GeoPoint Location, double Heading, bool Arrived);
