namespace EmergencyLink.LinkEmulator;

/// <summary>Every figure that shapes the emulated link; a named profile is a starting value, the command line overrides it.</summary>
public sealed record LinkOptions
{
    /// <summary>Mean one-way delay, applied to each direction.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Half-width of the uniform spread around <see cref="Latency"/>.</summary>
    public TimeSpan Jitter { get; init; }

    /// <summary>Line rate of each direction in kbit/s (1000 bit/s); 0 leaves it uncapped.</summary>
    public double BandwidthKbps { get; init; }

    /// <summary>Independent per-packet loss probability.</summary>
    public double Loss { get; init; }

    /// <summary>Mean loss rate of a Gilbert–Elliott channel (losses come in bursts).</summary>
    public double BurstLoss { get; init; }

    /// <summary>Mean number of consecutive packets a burst loses.</summary>
    public double BurstLength { get; init; } = 4;

    /// <summary>Mean time between coverage holes; null means none are scheduled.</summary>
    public TimeSpan? OutageEvery { get; init; }

    public TimeSpan OutageMin { get; init; }

    public TimeSpan OutageMax { get; init; }

    public OutageMode OutageMode { get; init; } = OutageMode.Reset;

    /// <summary>How long a hole must last before <see cref="OutageMode.Reset"/> drops the open connections.</summary>
    public TimeSpan ResetAfter { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Linux's floor on TCP's retransmission timeout (TCP_RTO_MIN).</summary>
    public TimeSpan MinRetransmissionTimeout { get; init; } = TimeSpan.FromMilliseconds(200);

    public int Seed { get; init; } = 1;

    /// <summary>How long a lost segment holds its stream: max(floor, 2 × round trip), as TCP waits before resending.</summary>
    public TimeSpan RetransmissionTimeout =>
        TimeSpan.FromTicks(Math.Max(MinRetransmissionTimeout.Ticks, 4 * Latency.Ticks));

    public void Validate()
    {
        Check(Latency >= TimeSpan.Zero && Jitter >= TimeSpan.Zero, "latency and jitter must not be negative");
        Check(BandwidthKbps >= 0, "bandwidth must not be negative");
        Check(Loss is >= 0 and <= 1 && BurstLoss is >= 0 and < 1, "loss must be a fraction in [0, 1]");
        Check(BurstLength >= 1, "a loss burst is at least one packet");
        Check(OutageMin >= TimeSpan.Zero && OutageMin <= OutageMax, "outage duration must be a range min ≤ max");
        Check(OutageEvery is null || (OutageEvery > TimeSpan.Zero && OutageMin > TimeSpan.Zero), "scheduled outages need an interval and a duration");
        Check(ResetAfter >= TimeSpan.Zero, "reset delay must not be negative");
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException("Link options: " + message + ".");
        }
    }
}
