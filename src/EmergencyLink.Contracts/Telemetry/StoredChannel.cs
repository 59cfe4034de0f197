namespace EmergencyLink.Contracts.Telemetry;

/// <summary>What the archive holds of one channel of a vehicle: enough to rebuild its continuity after a restart.</summary>
public sealed record StoredChannel(string Channel, IReadOnlyList<SequenceRange> Held, long Duplicates);
