namespace EmergencyLink.Domain.Alerts;

/// <summary>An alert as the analysis raises it, before the case gives it an id and a place in the timeline.</summary>
/// <param name="Source">What raised it: "ecg-analysis", "vitals", or "crew" for a scale the crew entered.</param>
/// <param name="ObservedAt">When the finding was in the patient (capture time), as opposed to when it was raised.</param>
public sealed record NewAlert(
    AlertKind Kind,
    string Source,
    string Summary,
    IReadOnlyList<AlertEvidence> Evidence,
    DateTimeOffset ObservedAt);
