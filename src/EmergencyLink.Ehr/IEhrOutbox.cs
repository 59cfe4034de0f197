namespace EmergencyLink.Ehr;

/// <summary>
/// The durable queue of handover documents: <see cref="SqliteEhrOutbox"/> on a single server, or
/// <see cref="PostgreSqlEhrOutbox"/> shared by the nodes of a cluster. Either way a document is durable before
/// <see cref="EnqueueAsync"/> returns, and leaves the queue only when the receiver acknowledged it or refused it for
/// good, so a crash or restart at any point loses nothing.
/// </summary>
public interface IEhrOutbox : IAsyncDisposable
{
    /// <summary>
    /// Stores a document unless this version (or a newer one) of the case was already accepted for the hospital.
    /// Completes once the transaction holding it has committed.
    /// </summary>
    Task<EhrEnqueueOutcome> EnqueueAsync(EhrDocument document, DateTimeOffset now);

    /// <summary>The hospital's oldest undelivered document: the one that must go before any other of its documents.</summary>
    Task<EhrPendingDocument?> PeekHeadAsync(string hospitalId, CancellationToken cancellationToken);

    /// <summary>The receiver acknowledged the document: trim it and remember it as the hospital's last delivery.</summary>
    Task MarkDeliveredAsync(EhrPendingDocument document, DateTimeOffset at);

    /// <summary>An attempt failed in a way worth retrying: count it on the row and remember the error.</summary>
    Task RecordFailureAsync(EhrPendingDocument document, string error, DateTimeOffset at);

    /// <summary>The receiver refused the document for good: move it (and the reason) aside, out of the hospital's queue.</summary>
    Task RejectAsync(EhrPendingDocument document, int statusCode, string outcome, DateTimeOffset at);

    /// <summary>Undelivered documents by hospital, including hospitals no longer configured.</summary>
    Task<IReadOnlyDictionary<string, int>> PendingByHospitalAsync(CancellationToken cancellationToken);

    Task<EhrQueueState> ReadStateAsync(string hospitalId, CancellationToken cancellationToken);
}
