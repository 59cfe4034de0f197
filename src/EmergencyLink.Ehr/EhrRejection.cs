namespace EmergencyLink.Ehr;

/// <summary>A document the receiver refused for good (a 4xx about the document), set aside with the receiver's reason.</summary>
public sealed record EhrRejection(string CaseId, int Version, int StatusCode, string Outcome, DateTimeOffset At);
