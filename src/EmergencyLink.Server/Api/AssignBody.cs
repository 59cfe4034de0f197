namespace EmergencyLink.Server.Api;

public sealed record AssignBody(string? AmbulanceId);
