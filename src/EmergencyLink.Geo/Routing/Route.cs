using EmergencyLink.Domain.Geography;

namespace EmergencyLink.Geo.Routing;

/// <summary>A drivable route: time, length and the path on the road from the snapped start to the snapped end.</summary>
public sealed record Route(double Seconds, double Meters, IReadOnlyList<GeoPoint> Path, double StartSnapMeters, double EndSnapMeters);
