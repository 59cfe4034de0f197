namespace EmergencyLink.Ehr;

/// <summary>One hospital's EHR push as operators see it.</summary>
/// <param name="Configured">Whether the hospital has an EHR base URL; without one nothing is queued for it.</param>
/// <param name="OldestPendingAgeSeconds">How long the hospital's queue head has waited: the delay the EHR is behind.</param>
/// <param name="HeadAttempts">Failed attempts of the queue head so far; above zero means the hospital is failing now.</param>
/// <param name="LastError">The last failed attempt (retried), which may be older than <paramref name="LastDelivered"/>.</param>
/// <param name="Rejected">Documents the receiver refused for good, kept aside in the outbox.</param>
public sealed record EhrStatus(
    string HospitalId,
    bool Configured,
    string? BaseUrl,
    EhrMode? Mode,
    int Pending,
    DateTimeOffset? OldestPendingSince,
    double? OldestPendingAgeSeconds,
    int HeadAttempts,
    EhrDelivery? LastDelivered,
    EhrFailure? LastError,
    int Rejected,
    EhrRejection? LastRejected);
