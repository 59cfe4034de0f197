namespace EmergencyLink.Contracts.Telemetry;

/// <summary>Resent frames the server already held, per channel and case, counted for the continuity report.</summary>
public sealed record DuplicateCount(string VehicleId, string Channel, string CaseId, long Count);
