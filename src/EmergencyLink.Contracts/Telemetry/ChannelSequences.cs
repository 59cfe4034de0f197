namespace EmergencyLink.Contracts.Telemetry;

/// <summary>The sequences of one channel that an upload carried (taken or found already held), in upload order.</summary>
[GenerateSerializer, Immutable]
public sealed record ChannelSequences([property: Id(0)] string Channel, [property: Id(1)] IReadOnlyList<long> Sequences);
