namespace EmergencyLink.Contracts.Telemetry;

/// <summary>
/// Frames of one case pushed to a viewer. The server's receive and send times (Unix microseconds, server clock) let
/// the viewer split its latency into capture → server and server → screen. <see cref="Replay"/> marks frames sent from
/// the archive (a late joiner's first seconds, or what a reconnecting viewer missed), not live.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TelemetryDelivery(
    [property: Id(0)] string CaseId,
    [property: Id(1)] IReadOnlyList<TelemetryFrame> Frames,
    [property: Id(2)] long ServerReceivedMicros,
    [property: Id(3)] long ServerSentMicros,
    [property: Id(4)] bool Replay);
