namespace EmergencyLink.Grains.Live;

/// <summary>A server node's silo and its live receiver.</summary>
[GenerateSerializer, Immutable]
public sealed record LiveNodeEntry(
    [property: Id(0)] SiloAddress Silo,
    [property: Id(1)] ILiveNode Node);
