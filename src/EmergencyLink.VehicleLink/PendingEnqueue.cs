using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.VehicleLink;

/// <summary>A frame waiting for its sequence and its commit; <see cref="Completion"/> gets the sequence once durable.</summary>
internal sealed record PendingEnqueue(
    string CaseId,
    string Channel,
    TelemetryKind Kind,
    long CapturedAtMicros,
    byte[] Payload,
    TaskCompletionSource<long> Completion) : OutboxWrite;
