namespace EmergencyLink.Geo.Routing;

public sealed record RouteCost(double Seconds, double Meters);
