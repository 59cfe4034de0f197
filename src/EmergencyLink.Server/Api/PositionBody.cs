namespace EmergencyLink.Server.Api;

public sealed record PositionBody(double? Lat, double? Lon, double? Heading, double? SpeedKmh);
