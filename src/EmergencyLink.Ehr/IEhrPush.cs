namespace EmergencyLink.Ehr;

/// <summary>What a producer of handover documents calls to have one delivered to the hospital's EHR.</summary>
public interface IEhrPush
{
    /// <summary>
    /// Stores the document durably (the outbox's transaction has committed, flushed to disk: SQLite's synchronous=FULL
    /// or PostgreSQL's synchronous_commit=on, before this returns true) for delivery in version order. Delivery is at least once: a document whose acknowledgement was
    /// lost is sent again with the same <c>X-Request-Id</c> (and <c>If-None-Exist</c> on its Bundle.identifier).
    /// </summary>
    /// <returns>
    /// True if the document is queued, or this version was already queued (a version is never sent twice on
    /// purpose). False if nothing will be sent: the hospital has no EHR configured, or a newer version of the case
    /// was already queued (sending the older one after it would make the receiver's latest document a stale one).
    /// </returns>
    /// <exception cref="ArgumentException">The document is malformed: empty ids, a version below 1, or text that is not a JSON Bundle.</exception>
    Task<bool> EnqueueAsync(EhrDocument document, CancellationToken cancellationToken);
}
