namespace EmergencyLink.VehicleLink;

/// <summary>
/// What one channel still holds in the outbox (not yet acknowledged by the server): frames and payload bytes, and of
/// those how many are on the wire now.
/// </summary>
public sealed record ChannelBacklog(long Frames, long Bytes, long InFlight);
