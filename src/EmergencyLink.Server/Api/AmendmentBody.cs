namespace EmergencyLink.Server.Api;

/// <summary>A correction: the corrected entry (same kind), or <c>retract: true</c> to withdraw one entered in error.</summary>
public sealed record AmendmentBody(string? Reason, bool? Retract, DocumentationEntryBody? Entry);
