namespace EmergencyLink.Server.Api;

/// <summary>A crew's stroke assessment: the BE-FAST screen, and optionally RACE and/or LAMS.</summary>
public sealed record StrokeAssessmentBody(BeFastBody? BeFast, RaceBody? Race, LamsBody? Lams);
