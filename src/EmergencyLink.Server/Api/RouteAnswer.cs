namespace EmergencyLink.Server.Api;

/// <param name="SnapMeters">How far each point was from the road it was placed on (start, end).</param>
public sealed record RouteAnswer(double EtaSeconds, double DistanceMeters, GeoJsonGeometry Geometry, double[] SnapMeters);
