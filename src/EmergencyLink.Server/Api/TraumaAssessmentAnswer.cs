using EmergencyLink.Clinical.Scores;
using EmergencyLink.Domain.Alerts;

namespace EmergencyLink.Server.Api;

/// <summary>
/// The triage back to the crew with the alerts it raised: the level and the guideline's transport advice, every
/// criterion met with its finding, and what could not be assessed, so a missing vital sign is visible, not silent.
/// </summary>
public sealed record TraumaAssessmentAnswer(
    TraumaTriageLevel Level,
    string Recommendation,
    IReadOnlyList<TraumaCriterionMet> CriteriaMet,
    IReadOnlyList<string> NotAssessed,
    IReadOnlyList<string> Advice,
    IReadOnlyList<CaseAlert> Alerts);
