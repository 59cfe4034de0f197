using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Contracts.Telemetry;

/// <summary>
/// Continuity and latency of one channel of one case. Expected counts every sequence from the case's first to its
/// last frame; a missing one is still in the gateway's outbox (sequences are gapless at the source). Late frames
/// reached the server more than the configured lateness after capture. Latencies are capture → server, on the
/// gateway's and the server's clocks: their offset is in the figure.
/// </summary>
public sealed record ChannelReport(
    string VehicleId,
    string Channel,
    TelemetryKind Kind,
    long FirstSequence,
    long LastSequence,
    long Expected,
    long Received,
    long Missing,
    IReadOnlyList<SequenceRange> OpenGaps,
    long Duplicates,
    long Backfilled,
    long Late,
    DateTimeOffset FirstCapturedAt,
    DateTimeOffset LastCapturedAt,
    double CaptureToServerP50Ms,
    double CaptureToServerP99Ms,
    double CaptureToServerMaxMs);
