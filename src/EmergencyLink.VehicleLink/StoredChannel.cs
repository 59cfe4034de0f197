using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.VehicleLink;

/// <summary>A channel's kind and the last sequence ever assigned on it, as committed.</summary>
internal sealed record StoredChannel(TelemetryKind Kind, long LastSequence);
