namespace EmergencyLink.Ehr;

/// <summary>What the outbox holds and remembers for one hospital.</summary>
public sealed record EhrQueueState(
    int Pending,
    DateTimeOffset? OldestPendingSince,
    int HeadAttempts,
    EhrDelivery? LastDelivered,
    EhrFailure? LastError,
    int Rejected,
    EhrRejection? LastRejected);
