namespace EmergencyLink.Contracts.Telemetry;

/// <summary>
/// An upload the telemetry grain has taken (pushed to viewers, handed to the archive) but not yet answered: the
/// activation that took it and its place in that activation's order, what it carried per channel, and what it refused.
/// Its answer comes from <see cref="ITelemetryGrain.AcknowledgeAsync"/> once every frame it carried is durable.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record UploadTicket(
    [property: Id(0)] Guid Activation,
    [property: Id(1)] long Number,
    [property: Id(2)] IReadOnlyList<ChannelSequences> Carried,
    [property: Id(3)] IReadOnlyList<FrameRejection> Rejected);
