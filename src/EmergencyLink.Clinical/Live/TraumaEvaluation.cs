using EmergencyLink.Clinical.Scores;
using EmergencyLink.Domain.Alerts;

namespace EmergencyLink.Clinical.Live;

/// <summary>A crew's trauma assessment as the case records it: the triage, the line for the timeline, and its alerts.</summary>
public sealed record TraumaEvaluation(TraumaTriageResult Triage, string Summary, IReadOnlyList<NewAlert> Alerts);
