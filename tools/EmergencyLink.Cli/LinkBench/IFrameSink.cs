using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Cli.LinkBench;

/// <summary>Where a benchmark monitor puts its frames: a real gateway (outbox and all) or a bare uploader.</summary>
public interface IFrameSink : IAsyncDisposable
{
    bool Connected { get; }

    long Queued { get; }

    Task StartAsync();

    /// <summary>The sequence the frame got.</summary>
    Task<long> EnqueueAsync(string caseId, string channel, TelemetryKind kind, long capturedAtMicros, byte[] payload);
}
