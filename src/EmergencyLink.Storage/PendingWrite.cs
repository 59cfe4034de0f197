namespace EmergencyLink.Storage;

/// <summary>A write or delete waiting for the writer loop; it completes only after its transaction commits.</summary>
internal sealed class PendingWrite(
    string grainType,
    string grainKey,
    string stateName,
    long? expectedEtag,
    string? payload)
{
    public string GrainType { get; } = grainType;

    public string GrainKey { get; } = grainKey;

    public string StateName { get; } = stateName;

    /// <summary>The version the caller read; null means the caller believes there is no row.</summary>
    public long? ExpectedEtag { get; } = expectedEtag;

    /// <summary>The serialized state; null for a delete.</summary>
    public string? Payload { get; } = payload;

    public TaskCompletionSource<long?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set when this item failed inside an otherwise committed batch.</summary>
    public Exception? Failure { get; set; }

    /// <summary>The version stored by this item, or null after a delete.</summary>
    public long? NewEtag { get; set; }
}
