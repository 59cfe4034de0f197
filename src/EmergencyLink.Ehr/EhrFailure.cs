namespace EmergencyLink.Ehr;

/// <summary>A failed attempt that will be retried: what went wrong, when, and with which document.</summary>
public sealed record EhrFailure(string CaseId, int Version, string Message, DateTimeOffset At);
