namespace EmergencyLink.Server.Api;

/// <summary>A code as the crew's device sends it: system URI, code, display text.</summary>
public sealed record ClinicalCodeBody(string? System, string? Code, string? Display);
