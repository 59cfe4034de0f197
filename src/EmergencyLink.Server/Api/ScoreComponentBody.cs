namespace EmergencyLink.Server.Api;

/// <summary>One item of a scored assessment.</summary>
public sealed record ScoreComponentBody(string? Name, int? Value, ClinicalCodeBody? Code);
