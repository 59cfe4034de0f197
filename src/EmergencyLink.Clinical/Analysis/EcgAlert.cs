using EmergencyLink.Domain.Alerts;

namespace EmergencyLink.Clinical.Analysis;

/// <summary>
/// An alert raised by the analysis of a recording: a suggestion to a clinician with its evidence, never a diagnosis.
/// <see cref="StartSample"/> and <see cref="EndSample"/> give where in the record it was seen (sample numbers).
/// </summary>
public sealed record EcgAlert(
    AlertKind Kind,
    string Message,
    IReadOnlyList<AlertEvidence> Evidence,
    long StartSample,
    long EndSample);
