namespace EmergencyLink.Contracts.Telemetry;

/// <summary>A frame the server will never take, and why; the gateway drops it from its outbox and counts it.</summary>
[GenerateSerializer, Immutable]
public sealed record FrameRejection(
    [property: Id(0)] string Channel,
    [property: Id(1)] long Sequence,
    [property: Id(2)] string Reason);
