namespace EmergencyLink.Server.Endpoints;

public sealed record HealthReport(string Status, int Units);
