namespace EmergencyLink.LinkEmulator.Tests;

/// <summary>The shaping arithmetic alone, on a clock the test holds still.</summary>
public sealed class LinkDirectionTests
{
    private static LinkDirection Direction(LinkOptions options) => new(options, new Random(options.Seed), new LinkCounters(), uplink: true);

    [Fact]
    public void The_same_seed_shapes_the_same_way()
    {
        static LinkChunkPlan[] Run(int seed)
        {
            var direction = Direction(LinkProfiles.Named["degraded"] with { Seed = seed });
            return Enumerable.Range(0, 500).Select(i => direction.Plan(1 + (i * 7919 % 16_000), TimeSpan.FromMilliseconds(i))).ToArray();
        }

        var first = Run(42);

        Assert.Equal(first, Run(42));
        Assert.NotEqual(first, Run(43));
        Assert.Contains(first, plan => plan.HeldByLoss);
    }

    [Fact]
    public void A_lost_segment_holds_its_chunk_for_one_retransmission_timeout()
    {
        var options = new LinkOptions { Latency = TimeSpan.FromMilliseconds(80), Loss = 1 };
        var counters = new LinkCounters();
        var plan = new LinkDirection(options, new Random(1), counters, uplink: false).Plan(100, TimeSpan.FromSeconds(1));

        Assert.True(plan.HeldByLoss);
        Assert.Equal(TimeSpan.FromMilliseconds(320), options.RetransmissionTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1) + TimeSpan.FromMilliseconds(80 + 320), plan.ArrivesAt);
        Assert.Equal(1, counters.Snapshot().ChunksHeldByLoss);
        Assert.Equal(TimeSpan.FromMilliseconds(200), (options with { Latency = TimeSpan.FromMilliseconds(5) }).RetransmissionTimeout);
    }

    [Fact]
    public void The_line_rate_spaces_chunks_by_their_serialization_time()
    {
        var direction = Direction(new LinkOptions { BandwidthKbps = 8_000 });
        var last = default(LinkChunkPlan);
        for (var sent = 0; sent < 1_000_000; sent += 10_000)
        {
            last = direction.Plan(10_000, TimeSpan.Zero);
        }

        // 1 MB at 1 MB/s, less the 16 KiB of credit an idle line has saved up.
        Assert.InRange(last.SentAt.TotalSeconds, 0.98, 1.0);
        Assert.Equal(last.SentAt, last.ArrivesAt);
    }

    [Fact]
    public void Bursty_loss_loses_about_its_mean_rate_in_runs()
    {
        var direction = Direction(new LinkOptions { BurstLoss = 0.02, Seed = 5 });
        var lost = Enumerable.Range(0, 200_000).Select(_ => direction.Plan(LinkDirection.SegmentBytes, TimeSpan.Zero).HeldByLoss).ToArray();
        var bursts = lost.Where((loss, i) => loss && (i == 0 || !lost[i - 1])).Count();

        Assert.InRange(lost.Count(l => l) / (double)lost.Length, 0.016, 0.024);
        Assert.InRange(lost.Count(l => l) / (double)bursts, 3.5, 4.5);
    }
}
