namespace EmergencyLink.Ehr;

/// <summary>A document the receiver acknowledged with a 2xx.</summary>
public sealed record EhrDelivery(string CaseId, int Version, DateTimeOffset At);
