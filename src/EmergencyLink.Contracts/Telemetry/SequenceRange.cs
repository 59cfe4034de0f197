namespace EmergencyLink.Contracts.Telemetry;

/// <summary>Sequences <see cref="From"/> to <see cref="To"/>, both included.</summary>
[GenerateSerializer, Immutable]
public sealed record SequenceRange([property: Id(0)] long From, [property: Id(1)] long To);
