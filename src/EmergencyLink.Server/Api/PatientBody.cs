namespace EmergencyLink.Server.Api;

/// <summary>Who the patient is; leave the name out while unknown and give an estimated age ("about 60").</summary>
public sealed record PatientBody(string? Name, string? Sex, DateOnly? BirthDate, int? AgeYears, bool? AgeEstimated, string? Identifier);
