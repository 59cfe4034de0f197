namespace EmergencyLink.Contracts.Telemetry;

/// <summary>
/// What the server holds of one channel after a batch: every sequence up to <see cref="ContiguousThrough"/>, and
/// the listed ranges above it. A frame covered here is safe (archived or delivered) and may leave the outbox.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ChannelAck(
    [property: Id(0)] string Channel,
    [property: Id(1)] long ContiguousThrough,
    [property: Id(2)] IReadOnlyList<SequenceRange> Above);
