using EmergencyLink.Contracts.Telemetry;

namespace EmergencyLink.VehicleLink;

/// <summary>Settings of one <see cref="VehicleGateway"/>; read once, at construction.</summary>
public sealed class VehicleGatewayOptions
{
    /// <summary>The server's base URL; the hub is at <see cref="VehicleLinkProtocol.HubPath"/> below it.</summary>
    public Uri? ServerUrl { get; set; }

    /// <summary>
    /// Other nodes of the same cluster to fail over to, in order, when <see cref="ServerUrl"/> does not answer (a
    /// deployment without a load balancer in front). Each (re)connect tries the node that last worked first, then
    /// the next ones; empty: only <see cref="ServerUrl"/>.
    /// </summary>
    public IReadOnlyList<Uri> FailoverUrls { get; set; } = [];

    /// <summary>The vehicle this gateway (and its outbox) belongs to; every frame carries it.</summary>
    public string VehicleId { get; set; } = "";

    /// <summary>Asked for the crew token on every (re)connect, so a refreshed token is picked up.</summary>
    public Func<Task<string?>>? AccessTokenProvider { get; set; }

    /// <summary>The SQLite outbox file; created if missing. One file per vehicle.</summary>
    public string OutboxPath { get; set; } = "";

    public int MaxBatchFrames { get; set; } = 200;

    /// <summary>Payload bytes per batch (a single larger frame still goes, alone). The server's hub must accept messages this big.</summary>
    public int MaxBatchBytes { get; set; } = 512 * 1024;

    /// <summary>The server's per-frame limit (its <c>Telemetry:MaxFramePayloadBytes</c>); a larger frame is refused at enqueue.</summary>
    public int MaxFramePayloadBytes { get; set; } = 1 << 20;

    /// <summary>Uploads outstanding at once: at 50–100 ms round trip, one at a time would cap throughput at ~10–20 batches/s.</summary>
    public int MaxInFlightBatches { get; set; } = 4;

    /// <summary>
    /// Video payload bytes on the wire at once. Whatever is queued on the link ahead of a new ECG frame delays it, so
    /// this bounds how long ECG can wait behind video on a thin link (256 KiB at 4 Mbit/s: about half a second) while
    /// leaving room for 12 Mbit/s of video at 100 ms round trip.
    /// </summary>
    public long MaxVideoBytesInFlight { get; set; } = 256L * 1024;

    /// <summary>Frames captured less than this long ago are live: they go before the backlog of their priority class.</summary>
    public TimeSpan LiveWindow { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Unsent non-key video frames older than this are thinned (dropped from the outbox).</summary>
    public TimeSpan VideoBacklogLimit { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Unsent video bytes per channel beyond which its oldest non-key frames are thinned, whatever their age.</summary>
    public long VideoBacklogBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>Wait before each connect attempt, by attempt; the last one repeats forever.</summary>
    public IReadOnlyList<TimeSpan> ReconnectDelays { get; set; } =
        [TimeSpan.Zero, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];

    /// <summary>An upload unanswered this long is given up (its frames become unsent again); the server is idempotent, so resending is safe.</summary>
    public TimeSpan UploadTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Silence from the server after which the link counts as lost (SignalR's ServerTimeout). Shorter finds a coverage
    /// hole sooner, but the server's keep-alive interval must stay well below it (SignalR advises half).
    /// </summary>
    public TimeSpan ServerTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the gateway pings an idle link (SignalR's KeepAliveInterval).</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    internal TimeSpan ReconnectDelay(int attempt) =>
        ReconnectDelays.Count == 0 ? TimeSpan.Zero : ReconnectDelays[Math.Min(attempt, ReconnectDelays.Count - 1)];

    internal void Validate()
    {
        if (ServerUrl is null || !ServerUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("ServerUrl must be an absolute URL.", nameof(ServerUrl));
        }

        if (FailoverUrls.Any(u => u is null || !u.IsAbsoluteUri))
        {
            throw new ArgumentException("Every failover URL must be an absolute URL.", nameof(FailoverUrls));
        }

        if (string.IsNullOrWhiteSpace(VehicleId))
        {
            throw new ArgumentException("VehicleId is required.", nameof(VehicleId));
        }

        if (string.IsNullOrWhiteSpace(OutboxPath))
        {
            throw new ArgumentException("OutboxPath is required.", nameof(OutboxPath));
        }

        if (MaxBatchFrames < 1 || MaxBatchBytes < 1 || MaxInFlightBatches < 1 || MaxVideoBytesInFlight < 1 || MaxFramePayloadBytes < 1)
        {
            throw new ArgumentException("Batch and in-flight limits must be positive.");
        }

        if (LiveWindow < TimeSpan.Zero || VideoBacklogLimit < TimeSpan.Zero || VideoBacklogBytes < 0 || UploadTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("Windows and limits must not be negative, and the upload timeout must be positive.");
        }

        if (ServerTimeout <= TimeSpan.Zero || KeepAliveInterval <= TimeSpan.Zero || KeepAliveInterval >= ServerTimeout)
        {
            throw new ArgumentException("ServerTimeout and KeepAliveInterval must be positive, the keep-alive the shorter.");
        }

        if (ReconnectDelays.Any(d => d < TimeSpan.Zero))
        {
            throw new ArgumentException("Reconnect delays must not be negative.", nameof(ReconnectDelays));
        }
    }
}
