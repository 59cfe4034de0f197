namespace EmergencyLink.Server.Endpoints;

public sealed record LivenessReport(string Status);
