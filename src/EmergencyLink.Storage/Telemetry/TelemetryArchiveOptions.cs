namespace EmergencyLink.Storage.Telemetry;

public sealed class TelemetryArchiveOptions
{
    /// <summary>The archive's SQLite file; its own file so telemetry's write rate never queues grain state behind it.</summary>
    public string Path { get; set; } = "";

    /// <summary>Keep video payloads too (frames' sequences are always kept, for continuity and de-duplication).</summary>
    public bool ArchiveVideo { get; set; }

    /// <summary>
    /// How long a commit gathers stores after the first arrives. It delays acknowledgements, never what viewers see,
    /// but a vehicle's next upload waits for its previous one's acknowledgement (SignalR runs one invocation per
    /// connection at a time), so the default is none: under load, stores that queue while a commit runs share the
    /// next one anyway. Measured with 10 ms: p99 capture → server rose from 18 to 85 ms at 100 vehicles, for no gain
    /// in throughput on two cores.
    /// </summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.Zero;

    /// <summary>Most frames that share one commit.</summary>
    public int MaxBatchFrames { get; set; } = 20_000;
}
