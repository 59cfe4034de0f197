using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.VehicleLink.Tests;

/// <summary>A frame as the fake server first took it; <see cref="Order"/> counts arrivals across all channels from 0.</summary>
public sealed record ReceivedFrame(string VehicleId, string CaseId, string Channel, TelemetryKind Kind, long Sequence, long CapturedAtMicros, int Order);
