namespace EmergencyLink.Storage.Telemetry;

public sealed class TelemetryArchiveOptions
{
    /// <summary>The archive's SQLite file; its own file so telemetry's write rate never queues grain state behind it.</summary>
    public string Path { get; set; } = "";

    /// <summary>Keep video payloads too (frames' sequences are always kept, for continuity and de-duplication).</summary>
    public bool ArchiveVideo { get; set; }

    /// <summary>
    /// How long a commit gathers stores after the first arrives. It delays acknowledgements (the gateway trims its
    /// outbox a little later), never what viewers see.
    /// </summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Most frames that share one commit.</summary>
    public int MaxBatchFrames { get; set; } = 20_000;
}
