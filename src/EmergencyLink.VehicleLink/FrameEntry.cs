using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.VehicleLink;

/// <summary>
/// The in-memory index entry of one committed outbox row. The payload stays on disk: the index is what scheduling
/// needs, so memory does not grow with a long coverage hole. Mutable fields are guarded by the index's lock.
/// </summary>
internal sealed class FrameEntry(string channel, long sequence, string caseId, TelemetryKind kind, long capturedAtMicros, int size, bool keyFrame)
{
    public string Channel { get; } = channel;

    public long Sequence { get; } = sequence;

    public string CaseId { get; } = caseId;

    public TelemetryKind Kind { get; } = kind;

    public long CapturedAtMicros { get; } = capturedAtMicros;

    public int Size { get; } = size;

    /// <summary>Video only: a key frame, which thinning never drops (the frames after it decode from it).</summary>
    public bool KeyFrame { get; } = keyFrame;

    /// <summary>The batch carrying it now; 0 while unsent.</summary>
    public long Batch { get; set; }

    public bool SentBefore { get; set; }

    /// <summary>Left the index (acked, rejected or thinned); a late answer about it must change nothing.</summary>
    public bool Removed { get; set; }

    public FrameKey Key => new(Channel, Sequence);
}
