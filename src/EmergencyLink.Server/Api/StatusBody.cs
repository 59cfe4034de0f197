namespace EmergencyLink.Server.Api;

public sealed record StatusBody(string? Status);
