using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Telemetry;
using Microsoft.Extensions.Time.Testing;

namespace EmergencyLink.VehicleLink.Tests;

public sealed class VehicleGatewayTests : IDisposable
{
    private const string Vehicle = "RTW-4-83-1";
    private const string Case = "case-17";
    private const string Ecg = VehicleLinkProtocol.EcgChannel;
    private const string Vitals = VehicleLinkProtocol.VitalsChannel;
    private const string Video = VehicleLinkProtocol.VideoChannel;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly TempOutbox outbox = new();

    public void Dispose() => outbox.Dispose();

    [Fact]
    public async Task EveryEnqueuedFrameReachesTheServerExactlyOnceInSequenceOrderPerChannelAndTheOutboxEmpties()
    {
        await using var server = await FakeVehicleServer.StartNewAsync();
        var assigned = new Dictionary<string, List<long>> { [Ecg] = [], [Vitals] = [], [Video] = [] };
        await using (var gateway = Gateway(server.Url))
        {
            await gateway.StartAsync();

            // Three producers at once, as the monitor, the ECG and the camera would be: group commit shares transactions.
            await Task.WhenAll(
                Produce(Ecg, 150, i => gateway.EnqueueAsync(Case, Ecg, TelemetryKind.Ecg, TestFrames.NowMicros(), TestFrames.Ecg(i * 20))),
                Produce(Vitals, 20, _ => gateway.EnqueueAsync(Case, Vitals, TelemetryKind.Vitals, TestFrames.NowMicros(), TestFrames.Vitals)),
                Produce(Video, 60, i => gateway.EnqueueAsync(Case, Video, TelemetryKind.Video, TestFrames.NowMicros(), TestFrames.Video(i % 10 == 0))));

            Assert.True(await gateway.WaitUntilDrainedAsync(Bound), "outbox not drained");
            var counters = gateway.Counters;
            Assert.Equal(LinkState.Connected, counters.State);
            Assert.Equal(0, counters.FramesQueued);
            Assert.Equal(230, counters.FramesAcked);
            Assert.Equal(0, counters.FramesRejected + counters.FramesThinned + counters.FramesResent);
            Assert.NotNull(counters.LastAckAt);
        }

        Assert.Equal(0, server.State.Duplicates);
        foreach (var (channel, sequences) in assigned)
        {
            var expected = Enumerable.Range(1, sequences.Count).Select(i => (long)i).ToList();
            Assert.Equal(expected, sequences.Order());
            Assert.Equal(expected, server.State.Held(Vehicle, channel));
            Assert.Equal(expected, server.State.Arrivals.Where(a => a.Channel == channel).Select(a => a.Sequence));
        }

        Assert.Equal(0, outbox.RowsOnDisk());
        Assert.Equal("wal", outbox.JournalMode());

        async Task Produce(string channel, int count, Func<int, Task<long>> enqueue)
        {
            for (var i = 0; i < count; i++)
            {
                var sequence = await enqueue(i);
                lock (assigned)
                {
                    assigned[channel].Add(sequence);
                }
            }
        }
    }

    [Fact]
    public async Task FramesEnqueuedDuringAnOutageArriveAfterItAndLiveFramesDoNotWaitBehindTheBacklog()
    {
        await using var server = await FakeVehicleServer.StartNewAsync();
        await using var gateway = Gateway(server.Url, o =>
        {
            o.LiveWindow = TimeSpan.FromMilliseconds(300);
            o.MaxBatchFrames = 10;
            o.MaxInFlightBatches = 1;
        });
        await gateway.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await gateway.EnqueueAsync(Case, Ecg, TelemetryKind.Ecg, TestFrames.NowMicros(), TestFrames.Ecg(i));
        }

        Assert.True(await gateway.WaitUntilDrainedAsync(Bound));

        // The hole: the server goes away; the ECG keeps coming and piles up in the outbox.
        await server.StopAsync();
        var backlog = Enumerable.Range(0, 400)
            .Select(i => gateway.EnqueueAsync(Case, Ecg, TelemetryKind.Ecg, TestFrames.NowMicros(), TestFrames.Ecg(i)));
        var backlogSequences = await Task.WhenAll(backlog);
        Assert.Equal(Enumerable.Range(6, 400).Select(i => (long)i), backlogSequences);
        await Eventually(() => gateway.State == LinkState.Reconnecting);
        Assert.Equal(400, gateway.Counters.Backlog[Ecg].Frames);
        await Task.Delay(400); // older than the live window now

        // Back in coverage, on a link slow enough that the backlog takes a while to drain.
        server.State.UploadDelay = TimeSpan.FromMilliseconds(20);
        await server.StartAsync();
        await Eventually(() => server.State.Arrivals.Any(a => a.Sequence > 5));
        var live = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            live.Add(await gateway.EnqueueAsync(Case, Ecg, TelemetryKind.Ecg, TestFrames.NowMicros(), TestFrames.Ecg(1000 + i)));
        }

        Assert.True(await gateway.WaitUntilDrainedAsync(Bound), "outbox not drained");
        var arrivals = server.State.Arrivals;
        Assert.Equal(Enumerable.Range(1, 408).Select(i => (long)i), server.State.Held(Vehicle, Ecg));

        // The backlog went oldest first, and the live frames overtook most of it.
        var backlogOrder = arrivals.Where(a => a.Sequence is > 5 and <= 405).Select(a => a.Sequence).ToList();
        Assert.Equal(backlogSequences, backlogOrder);
        var firstLive = arrivals.Where(a => live.Contains(a.Sequence)).Min(a => a.Order);
        var backlogAfterLive = arrivals.Count(a => a.Sequence is > 5 and <= 405 && a.Order > firstLive);
        Assert.True(backlogAfterLive >= 200, $"live frames waited behind the backlog: only {backlogAfterLive} backlog frames arrived after them");

        // Nothing went twice: the live frames, held above the server's contiguous mark, were trimmed by its ranges.
        Assert.Equal(0, server.State.Duplicates);
    }

    [Fact]
    public async Task AGatewayDisposedBeforeDrainingIsResumedByTheNextOneOnTheSameOutbox()
    {
        await using var server = await FakeVehicleServer.StartNewAsync();
        await using (var first = Gateway(server.Url))
        {
            await first.StartAsync();
            for (var i = 0; i < 20; i++)
            {
                await first.EnqueueAsync(Case, Vitals, TelemetryKind.Vitals, TestFrames.NowMicros(), TestFrames.Vitals);
            }

            Assert.True(await first.WaitUntilDrainedAsync(Bound));
            await server.StopAsync();
            for (var i = 0; i < 30; i++)
            {
                await first.EnqueueAsync(Case, Vitals, TelemetryKind.Vitals, TestFrames.NowMicros(), TestFrames.Vitals);
            }
        }

        Assert.Equal(30, outbox.RowsOnDisk());
        await server.StartAsync();
        await using var second = Gateway(server.Url);
        await second.StartAsync();
        Assert.Equal(30, second.Counters.FramesQueued);
        var next = await second.EnqueueAsync(Case, Vitals, TelemetryKind.Vitals, TestFrames.NowMicros(), TestFrames.Vitals);
        Assert.Equal(51, next);

        Assert.True(await second.WaitUntilDrainedAsync(Bound), "outbox not drained");
        Assert.Equal(Enumerable.Range(1, 51).Select(i => (long)i), server.State.Held(Vehicle, Vitals));
        Assert.Equal(30, second.Counters.FramesResent);
    }

    [Fact]
    public async Task AGatewayStoppedWithUploadsOnTheWireLosesNothingAndTheNextOneContinuesTheSequences()
    {
        await using var server = await FakeVehicleServer.StartNewAsync();

        // Answers slow enough that the first gateway goes down with batches outstanding, some of them already taken
        // by the server: the server holds frames whose acks the gateway never saw.
        server.State.UploadDelay = TimeSpan.FromSeconds(2);
        await using (var first = Gateway(server.Url, o => o.MaxBatchFrames = 5))
        {
            await first.StartAsync();
            for (var i = 0; i < 40; i++)
            {
                await first.EnqueueAsync(Case, Ecg, TelemetryKind.Ecg, TestFrames.NowMicros(), TestFrames.Ecg(i * 20));
            }

            await Eventually(() => server.State.Arrivals.Count > 0);
        }

        Assert.Equal(40, outbox.RowsOnDisk());
        server.State.UploadDelay = TimeSpan.Zero;
        await using var second = Gateway(server.Url);
        await second.StartAsync();
        Assert.Equal(41, await second.EnqueueAsync(Case, Ecg, TelemetryKind.Ecg, TestFrames.NowMicros(), TestFrames.Ecg(800)));
        Assert.True(await second.WaitUntilDrainedAsync(Bound), "outbox not drained");
        Assert.Equal(Enumerable.Range(1, 41).Select(i => (long)i), server.State.Held(Vehicle, Ecg));
        Assert.Equal(40, second.Counters.FramesResent);
        Assert.True(server.State.Duplicates > 0, "the server should have held frames whose acks were lost");
    }

    [Fact]
    public async Task RejectedFramesLeaveTheOutboxAreCountedAndAreNeverResent()
    {
        await using var server = await FakeVehicleServer.StartNewAsync();
        server.State.Refuse = f => f.Sequence % 3 == 0 ? "payload refused" : null;
        await using (var gateway = Gateway(server.Url, o => o.MaxBatchFrames = 4))
        {
            await gateway.StartAsync();
            for (var i = 0; i < 30; i++)
            {
                await gateway.EnqueueAsync(Case, Vitals, TelemetryKind.Vitals, TestFrames.NowMicros(), TestFrames.Vitals);
            }

            Assert.True(await gateway.WaitUntilDrainedAsync(Bound), "outbox not drained");
            Assert.Equal(10, gateway.Counters.FramesRejected);
            Assert.Equal(20, gateway.Counters.FramesAcked);
            Assert.Equal(30, gateway.Counters.FramesSent);
        }

        Assert.Equal(0, outbox.RowsOnDisk());
        Assert.Equal(10, server.State.Refusals.Count);
        Assert.All(server.State.Refusals.Values, times => Assert.Equal(1, times));
        Assert.Equal(Enumerable.Range(1, 30).Where(i => i % 3 != 0).Select(i => (long)i), server.State.Held(Vehicle, Vitals));

        // And not after a restart either.
        var uploads = server.State.Uploads;
        await using var again = Gateway(server.Url);
        await again.StartAsync();
        await Eventually(() => again.State == LinkState.Connected);
        Assert.Equal(0, again.Counters.FramesQueued);
        Assert.Equal(0, again.Counters.FramesSent);
        Assert.Equal(uploads, server.State.Uploads);
    }

    [Fact]
    public async Task UnderATightBudgetEcgAndVitalsGoBeforeVideoAndOnlyStaleNonKeyVideoIsThinned()
    {
        await using var server = await FakeVehicleServer.StartNewAsync();
        await server.StopAsync();
        await using var gateway = Gateway(server.Url, o =>
        {
            o.MaxBatchFrames = 4;
            o.MaxInFlightBatches = 1;
            o.VideoBacklogLimit = TimeSpan.FromSeconds(3);
        });
        await gateway.StartAsync();

        // Ten seconds of a coverage hole that ended ten seconds ago, video first in every tick; then fresh video.
        var start = TestFrames.NowMicros() - 20_000_000;
        for (var i = 0; i < 40; i++)
        {
            var at = start + (i * 250_000);
            await gateway.EnqueueAsync(Case, Video, TelemetryKind.Video, at, TestFrames.Video(keyFrame: i % 10 == 0));
            await gateway.EnqueueAsync(Case, Ecg, TelemetryKind.Ecg, at, TestFrames.Ecg(i * 20));
            if (i % 4 == 0)
            {
                await gateway.EnqueueAsync(Case, Vitals, TelemetryKind.Vitals, at, TestFrames.Vitals);
            }
        }

        for (var i = 0; i < 10; i++)
        {
            await gateway.EnqueueAsync(Case, Video, TelemetryKind.Video, TestFrames.NowMicros(), TestFrames.Video(keyFrame: false));
        }

        // Old non-key video is thinned already in the outage (4 key frames of the 40 old ones stay); ECG never is.
        Assert.Equal(36, gateway.Counters.FramesThinned);
        Assert.Equal(40, gateway.Counters.Backlog[Ecg].Frames);
        Assert.Equal(14, gateway.Counters.Backlog[Video].Frames);

        await server.StartAsync();
        Assert.True(await gateway.WaitUntilDrainedAsync(Bound), "outbox not drained");
        var arrivals = server.State.Arrivals;
        Assert.Equal(40, arrivals.Count(a => a.Kind == TelemetryKind.Ecg));
        Assert.Equal(10, arrivals.Count(a => a.Kind == TelemetryKind.Vitals));
        Assert.Equal(14, arrivals.Count(a => a.Kind == TelemetryKind.Video));
        Assert.Equal(36, gateway.Counters.FramesThinned);
        var lastClinical = arrivals.Where(a => a.Kind != TelemetryKind.Video).Max(a => a.Order);
        var firstVideo = arrivals.Where(a => a.Kind == TelemetryKind.Video).Min(a => a.Order);
        Assert.True(lastClinical < firstVideo, "video went before ECG or vitals");
    }

    [Fact]
    public async Task SequencesSurviveARestartEvenAfterEverythingWasAcknowledged()
    {
        await using var server = await FakeVehicleServer.StartNewAsync();
        for (var run = 0; run < 3; run++)
        {
            await using var gateway = Gateway(server.Url);
            await gateway.StartAsync();
            for (var i = 1; i <= 4; i++)
            {
                Assert.Equal((run * 4) + i, await gateway.EnqueueAsync(Case, Ecg, TelemetryKind.Ecg, TestFrames.NowMicros(), TestFrames.Ecg(i)));
            }

            Assert.Equal(run + 1, await gateway.EnqueueAsync(Case, Vitals, TelemetryKind.Vitals, TestFrames.NowMicros(), TestFrames.Vitals));
            Assert.True(await gateway.WaitUntilDrainedAsync(Bound), "outbox not drained");
        }

        Assert.Equal(0, outbox.RowsOnDisk());
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), server.State.Held(Vehicle, Ecg));
        Assert.Equal(0, server.State.Duplicates);
    }

    [Fact]
    public async Task StaleVideoInheritedFromAnEarlierRunIsThinnedByTheInjectedClockAndEcgIsKept()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
        await using var server = await FakeVehicleServer.StartNewAsync();
        var nowhere = new Uri("http://127.0.0.1:1");

        // Offline run: the connect retries wait on the fake clock, so nothing spins while it stands still.
        await using (var offline = Gateway(nowhere, clock: clock))
        {
            await offline.StartAsync();
            for (var i = 0; i < 10; i++)
            {
                var at = TestFrames.Micros(clock.GetUtcNow());
                await offline.EnqueueAsync(Case, Video, TelemetryKind.Video, at, TestFrames.Video(keyFrame: i == 0));
                await offline.EnqueueAsync(Case, Ecg, TelemetryKind.Ecg, at, TestFrames.Ecg(i * 20));
            }

            Assert.Equal(0, offline.Counters.FramesThinned);
            Assert.Equal(LinkState.Connecting, offline.State);
        }

        clock.Advance(TimeSpan.FromSeconds(10));
        await using var online = Gateway(server.Url, clock: clock);
        await online.StartAsync();
        Assert.Equal(9, online.Counters.FramesThinned);
        Assert.True(await online.WaitUntilDrainedAsync(Bound).WaitAsync(Bound), "outbox not drained");
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), server.State.Held(Vehicle, Ecg));
        Assert.Equal([1L], server.State.Held(Vehicle, Video));
        Assert.Equal(clock.GetUtcNow(), online.Counters.LastAckAt);
    }

    [Fact]
    public async Task ConcurrentEnqueuesShareCommitsAndTakeSequencesInCallOrder()
    {
        await using var gateway = Gateway(new Uri("http://127.0.0.1:1"), clock: new FakeTimeProvider());
        await gateway.StartAsync();
        var before = gateway.OutboxCommits;

        var calls = Enumerable.Range(0, 300)
            .Select(i => gateway.EnqueueAsync(Case, Ecg, TelemetryKind.Ecg, i, TestFrames.Ecg(i * 20)))
            .ToList();
        var sequences = await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), sequences);
        Assert.True(gateway.OutboxCommits - before < 30, $"{gateway.OutboxCommits - before} commits for 300 concurrent enqueues");
        Assert.Equal(300, gateway.Counters.FramesQueued);
    }

    [Fact]
    public async Task AChannelKeepsItsKindAndAnotherVehiclesOutboxIsRefused()
    {
        await using var server = await FakeVehicleServer.StartNewAsync();
        await using (var gateway = Gateway(server.Url))
        {
            await gateway.StartAsync();
            await gateway.EnqueueAsync(Case, Ecg, TelemetryKind.Ecg, TestFrames.NowMicros(), TestFrames.Ecg(0));
            await Assert.ThrowsAsync<ArgumentException>(() => gateway.EnqueueAsync(Case, Ecg, TelemetryKind.Video, TestFrames.NowMicros(), TestFrames.Video(true)));
        }

        await using var other = new VehicleGateway(new VehicleGatewayOptions { ServerUrl = server.Url, VehicleId = "RTW-other", OutboxPath = outbox.FilePath });
        await Assert.ThrowsAsync<InvalidOperationException>(() => other.StartAsync());
    }

    [Fact]
    public async Task AFrameLargerThanTheServerTakesIsRefusedAtEnqueueAndNothingIsQueued()
    {
        await using var server = await FakeVehicleServer.StartNewAsync();
        await using var gateway = Gateway(server.Url, o => o.MaxFramePayloadBytes = 64 * 1024);
        await gateway.StartAsync();

        var refused = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            gateway.EnqueueAsync(Case, Video, TelemetryKind.Video, TestFrames.NowMicros(), TestFrames.Video(true, 100 * 1024)));

        Assert.Contains("at most 65536 bytes", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, await gateway.EnqueueAsync(Case, Video, TelemetryKind.Video, TestFrames.NowMicros(), TestFrames.Video(true)));
        Assert.Equal(1, gateway.Counters.FramesQueued + gateway.Counters.FramesAcked);
    }

    private VehicleGateway Gateway(Uri server, Action<VehicleGatewayOptions>? configure = null, TimeProvider? clock = null)
    {
        var options = new VehicleGatewayOptions
        {
            ServerUrl = server,
            VehicleId = Vehicle,
            OutboxPath = outbox.FilePath,
            AccessTokenProvider = () => Task.FromResult<string?>("crew-token"),
            ReconnectDelays = [TimeSpan.Zero, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100)],
        };
        configure?.Invoke(options);
        return new VehicleGateway(options, clock);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in time");
            await Task.Delay(5);
        }
    }
}
