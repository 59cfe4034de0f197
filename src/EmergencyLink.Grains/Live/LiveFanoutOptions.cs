namespace EmergencyLink.Grains.Live;

/// <summary>How live changes are forwarded between server nodes (configuration section <c>Live:Fanout</c>).</summary>
public sealed class LiveFanoutOptions
{
    public const string Section = "Live:Fanout";

    /// <summary>
    /// How often a node renews its registration. The registry lives in memory: if its silo dies it comes back empty
    /// and is refilled by renewals, so this bounds how long a newly started node may miss a peer's changes then.
    /// </summary>
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A registration not renewed for this long is dropped (three renewals missed).</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromSeconds(35);

    /// <summary>
    /// Changes waiting for one remote node, telemetry deliveries being the bulk of them. A healthy peer drains its
    /// queue batch by batch within milliseconds; the bound is for a peer that stopped answering and is not yet declared
    /// dead by membership (seconds): it caps the memory held for it (each change holds a snapshot or a few frames) and
    /// past it new changes for that peer are dropped and counted.
    /// </summary>
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>
    /// Sends every node every case's full-rate telemetry, viewed there or not, as before nodes said what they view: for
    /// side-by-side benchmarks, and as a way back should the viewing announcements misbehave.
    /// </summary>
    public bool FullRateToEveryNode { get; set; }

    /// <summary>Changes sent in one call: amortises the round trip without delaying the first change of a burst.</summary>
    public int MaxBatch { get; set; } = 256;
}
