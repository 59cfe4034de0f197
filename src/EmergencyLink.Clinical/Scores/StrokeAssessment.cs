namespace EmergencyLink.Clinical.Scores;

/// <summary>What the crew entered for a suspected stroke: BE-FAST and, when performed, RACE and/or LAMS.</summary>
public sealed record StrokeAssessment(BeFastFindings BeFast, RaceScore? Race = null, LamsScore? Lams = null);
