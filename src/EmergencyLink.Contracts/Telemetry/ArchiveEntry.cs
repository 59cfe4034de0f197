namespace EmergencyLink.Contracts.Telemetry;

/// <summary>A frame as the archive keeps it: with the server's receive time and whether it filled a hole.</summary>
public sealed record ArchiveEntry(TelemetryFrame Frame, long ReceivedMicros, bool Backfilled);
