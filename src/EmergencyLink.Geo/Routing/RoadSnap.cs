using EmergencyLink.Domain.Geography;

namespace EmergencyLink.Geo.Routing;

/// <summary>Where a point meets the road: an edge, how far along it (0..1), and how far the point was from it.</summary>
public sealed record RoadSnap(int Edge, double Fraction, double DistanceMeters, GeoPoint OnRoad);
