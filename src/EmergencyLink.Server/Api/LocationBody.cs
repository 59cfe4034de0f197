namespace EmergencyLink.Server.Api;

public sealed record LocationBody(double? Lat, double? Lon);
