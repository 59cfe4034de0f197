namespace EmergencyLink.Ehr;

/// <summary>A row of the outbox: a document not yet delivered, with what delivery has tried so far.</summary>
/// <param name="Id">Enqueue order across the outbox; a hospital's documents go out in this order.</param>
public sealed record EhrPendingDocument(
    long Id,
    string HospitalId,
    string CaseId,
    int Version,
    string Reason,
    string BundleJson,
    DateTimeOffset EnqueuedAt,
    int Attempts)
{
    /// <summary>
    /// Stable across resends (and restarts), so the receiver can recognise the resend that follows a lost response.
    /// </summary>
    public string RequestId => $"{HospitalId}/{CaseId}/{Version}";
}
