namespace EmergencyLink.LinkEmulator;

/// <summary>
/// One direction of the radio link, shared by every connection through it, as a cell's capacity is: a token bucket for the
/// line rate, a jittered propagation delay, and packet loss turned into the retransmission wait a TCP stream sees.
/// </summary>
public sealed class LinkDirection(LinkOptions options, Random random, LinkCounters counters, bool uplink)
{
    /// <summary>Loss is drawn per TCP segment, so the odds do not depend on how the proxy happened to chunk the stream.</summary>
    public const int SegmentBytes = 1460;

    /// <summary>A cell scheduler grants in bursts of milliseconds; allowing ~16 KiB keeps small writes from paying full serialization each.</summary>
    private const int BurstBytes = 16 * 1024;

    private readonly Lock gate = new();
    private readonly double bytesPerSecond = options.BandwidthKbps * 1000 / 8;
    private readonly double badEntry = options.BurstLoss * (1 / options.BurstLength) / (1 - options.BurstLoss);
    private TimeSpan busyUntil = TimeSpan.MinValue;
    private bool inBadState;

    public bool IsUplink => uplink;

    public LinkChunkPlan Plan(int bytes, TimeSpan now)
    {
        lock (gate)
        {
            var sentAt = now;
            if (bytesPerSecond > 0)
            {
                // Debt form of a token bucket: the line may lag real time by at most one burst of credit.
                var start = Max(busyUntil, now - TimeSpan.FromSeconds(BurstBytes / bytesPerSecond));
                busyUntil = start + TimeSpan.FromSeconds(bytes / bytesPerSecond);
                sentAt = Max(now, busyUntil);
            }

            var lost = false;
            for (var segment = 0; segment < (bytes + SegmentBytes - 1) / SegmentBytes; segment++)
            {
                lost |= LoseSegment();
            }

            var delay = options.Latency + options.Jitter * (2 * random.NextDouble() - 1);
            var arrivesAt = sentAt + Max(delay, TimeSpan.Zero) + (lost ? options.RetransmissionTimeout : TimeSpan.Zero);
            if (lost)
            {
                counters.AddHeldByLoss();
            }

            return new LinkChunkPlan(sentAt, arrivesAt, lost);
        }
    }

    public void Delivered(int bytes) => counters.AddBytes(uplink, bytes);

    private bool LoseSegment()
    {
        // Simple Gilbert model: the bad state loses everything; leaving it with probability 1/BurstLength gives the mean burst.
        if (options.BurstLoss > 0)
        {
            inBadState = inBadState ? random.NextDouble() >= 1 / options.BurstLength : random.NextDouble() < badEntry;
        }

        return inBadState || (options.Loss > 0 && random.NextDouble() < options.Loss);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
