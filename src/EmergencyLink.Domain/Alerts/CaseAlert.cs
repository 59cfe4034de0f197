namespace EmergencyLink.Domain.Alerts;

/// <summary>
/// An alert in the case record. It is a suggestion to a clinician with its evidence, never a diagnosis, and it stays
/// unacknowledged, and shown as such, until a clinician of the receiving team acknowledges it.
/// </summary>
/// <param name="Id">Stable within the case: "A1", "A2", … in the order raised.</param>
public sealed record CaseAlert(
    string Id,
    AlertKind Kind,
    string Source,
    string Summary,
    IReadOnlyList<AlertEvidence> Evidence,
    DateTimeOffset ObservedAt,
    DateTimeOffset RaisedAt,
    string? AcknowledgedBy = null,
    DateTimeOffset? AcknowledgedAt = null)
{
    public bool Acknowledged => AcknowledgedAt is not null;
}
