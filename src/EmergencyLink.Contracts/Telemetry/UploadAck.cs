namespace EmergencyLink.Contracts.Telemetry;

/// <summary>The server's answer to one upload: per channel what it now holds, and the frames it refused.</summary>
[GenerateSerializer, Immutable]
public sealed record UploadAck(
    [property: Id(0)] IReadOnlyList<ChannelAck> Channels,
    [property: Id(1)] IReadOnlyList<FrameRejection> Rejected);
