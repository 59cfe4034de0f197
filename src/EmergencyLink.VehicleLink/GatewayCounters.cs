namespace EmergencyLink.VehicleLink;

/// <summary>
/// A consistent snapshot of the gateway since this instance started. <see cref="FramesQueued"/> and
/// <see cref="Backlog"/> describe the outbox now; the other counts are totals. A frame sent twice (after a lost link,
/// or inherited unacknowledged from an earlier process) counts in <see cref="FramesSent"/> each time and in
/// <see cref="FramesResent"/> from its second time on; bytes are payload bytes.
/// </summary>
public sealed record GatewayCounters(
    LinkState State,
    long FramesQueued,
    long FramesSent,
    long FramesAcked,
    long FramesRejected,
    long FramesThinned,
    long FramesResent,
    long BytesSent,
    IReadOnlyDictionary<string, ChannelBacklog> Backlog,
    DateTimeOffset? LastAckAt);
