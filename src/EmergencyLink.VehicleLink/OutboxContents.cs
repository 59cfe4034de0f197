namespace EmergencyLink.VehicleLink;

/// <summary>What an outbox file held when it was opened: the channels' sequence counters and the unacknowledged frames.</summary>
internal sealed record OutboxContents(IReadOnlyDictionary<string, StoredChannel> Channels, IReadOnlyList<FrameEntry> Frames);
