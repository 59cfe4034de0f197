using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.VehicleLink.Tests;

/// <summary>The scheduling decisions alone, on a fixed clock, without a server or a disk.</summary>
public sealed class OutboxIndexTests
{
    private const long Now = 1_000_000_000_000;
    private const long Second = 1_000_000;
    private readonly List<FrameKey> deleted = [];

    [Fact]
    public void EachBatchTakesLiveFramesFirstThenTheOldestBacklog()
    {
        var index = Index(o => o.MaxBatchFrames = 5);
        index.Add(Frames("ecg", TelemetryKind.Ecg, 1, 10, seq => Now - (60 * Second) + (seq * Second)));
        index.Add(Frames("ecg", TelemetryKind.Ecg, 11, 13, seq => Now - Second + (seq - 11)));

        Assert.Equal([11, 12, 13, 1, 2], Sequences(index.TakeBatch(1, Now)));
        Assert.Equal([3, 4, 5, 6, 7], Sequences(index.TakeBatch(2, Now)));
        Assert.Equal([8, 9, 10], Sequences(index.TakeBatch(3, Now)));
        Assert.Null(index.TakeBatch(4, Now));
    }

    [Fact]
    public void BacklogsOfSeveralChannelsMergeOldestCaptureFirst()
    {
        var index = Index(o => o.MaxBatchFrames = 4);
        index.Add(Frames("ecg", TelemetryKind.Ecg, 1, 4, seq => Now - (100 * Second) + (seq * 10 * Second)));
        index.Add(Frames("vitals", TelemetryKind.Vitals, 1, 4, seq => Now - (95 * Second) + (seq * 10 * Second)));

        var batch = index.TakeBatch(1, Now)!;
        Assert.Equal(["ecg:1", "vitals:1", "ecg:2", "vitals:2"], batch.Entries.Select(e => $"{e.Channel}:{e.Sequence}"));
    }

    [Fact]
    public void VideoWaitsForEcgAndVitalsAndKeepsToItsInFlightBudget()
    {
        var index = Index(o =>
        {
            o.MaxBatchFrames = 10;
            o.MaxVideoBytesInFlight = 250_000;
        });
        index.Add(Frames("video", TelemetryKind.Video, 1, 5, _ => Now - 1000, size: 100_000));
        index.Add(Frames("ecg", TelemetryKind.Ecg, 1, 3, seq => Now - (50 * Second) + seq));

        var first = index.TakeBatch(1, Now)!;
        Assert.Equal(["ecg:1", "ecg:2", "ecg:3", "video:1", "video:2"], first.Entries.Select(e => $"{e.Channel}:{e.Sequence}"));

        // 200 kB of video on the wire: a third frame would pass the budget, so nothing more goes until an ack.
        Assert.Null(index.TakeBatch(2, Now));
        index.ApplyAck(first, Ack(("ecg", 3), ("video", 2)), DateTimeOffset.UnixEpoch, deleted.AddRange);
        Assert.Equal([3, 4], Sequences(index.TakeBatch(3, Now)));
    }

    [Fact]
    public void ThinningDropsOnlyStaleNonKeyVideoOldestFirstAndNeverWhatIsOnTheWire()
    {
        var index = Index(o =>
        {
            o.MaxBatchFrames = 2;
            o.VideoBacklogLimit = TimeSpan.FromSeconds(3);
        });
        index.Add(Frames("video", TelemetryKind.Video, 1, 5, seq => Now - (20 * Second) + (seq * Second), key: seq => seq is 1 or 4));
        index.Add(Frames("video", TelemetryKind.Video, 6, 6, _ => Now));
        index.Add(Frames("ecg", TelemetryKind.Ecg, 1, 5, seq => Now - (20 * Second) + (seq * Second)));
        index.Add(Frames("ecg", TelemetryKind.Ecg, 6, 6, _ => Now));

        // On the wire: the live ECG and the oldest ECG.
        var onWire = index.TakeBatch(1, Now)!;
        Assert.Equal(["ecg:6", "ecg:1"], onWire.Entries.Select(e => $"{e.Channel}:{e.Sequence}"));

        index.Thin(Now, deleted.AddRange);
        Assert.Equal([new FrameKey("video", 2), new FrameKey("video", 3), new FrameKey("video", 5)], deleted);
        var counters = index.Snapshot(LinkState.Connected);
        Assert.Equal(3, counters.FramesThinned);
        Assert.Equal(6, counters.Backlog["ecg"].Frames);
        Assert.Equal(3, counters.Backlog["video"].Frames);
    }

    [Fact]
    public void VideoPastItsByteLimitIsThinnedWhateverItsAge()
    {
        var index = Index(o => o.VideoBacklogBytes = 25_000);
        index.Add(Frames("video", TelemetryKind.Video, 1, 5, _ => Now, size: 10_000));

        index.Thin(Now, deleted.AddRange);
        Assert.Equal([1, 2, 3], deleted.Select(k => k.Sequence));
    }

    [Fact]
    public void AnAckTrimsContiguousCoverageRangesAndRejectionsAndReturnsTheRestForResending()
    {
        var index = Index(o => o.MaxBatchFrames = 10);
        index.Add(Frames("ecg", TelemetryKind.Ecg, 1, 10, seq => Now - (30 * Second) + seq));
        var batch = index.TakeBatch(1, Now)!;

        var ack = new UploadAck(
            [new ChannelAck("ecg", 3, [new SequenceRange(5, 6), new SequenceRange(9, 9)])],
            [new FrameRejection("ecg", 7, "bad lead count")]);
        Assert.Equal(1, index.ApplyAck(batch, ack, DateTimeOffset.UnixEpoch, deleted.AddRange));

        Assert.Equal([1, 2, 3, 5, 6, 9, 7], deleted.Select(k => k.Sequence));
        var counters = index.Snapshot(LinkState.Connected);
        Assert.Equal(6, counters.FramesAcked);
        Assert.Equal(1, counters.FramesRejected);
        Assert.Equal(DateTimeOffset.UnixEpoch, counters.LastAckAt);
        Assert.Equal([4, 8, 10], Sequences(index.TakeBatch(2, Now)));
        Assert.Equal(3, index.Snapshot(LinkState.Connected).FramesResent);
    }

    [Fact]
    public void ALostLinkReturnsEverythingInFlightAndALateFailureCannotUndoANewerSend()
    {
        var index = Index(o => o.MaxBatchFrames = 3);
        index.Add(Frames("ecg", TelemetryKind.Ecg, 1, 3, seq => Now - (30 * Second) + seq));
        var old = index.TakeBatch(1, Now)!;
        index.ReturnAllInFlight();
        var again = index.TakeBatch(2, Now)!;
        Assert.Equal([1, 2, 3], Sequences(again));

        // The old upload's failure arrives late: the frames belong to batch 2 now and stay on the wire.
        index.Return(old);
        Assert.Equal(3, index.Snapshot(LinkState.Connected).Backlog["ecg"].InFlight);
        Assert.Null(index.TakeBatch(3, Now));

        // A late success still counts: coverage is true whichever connection carried it.
        index.ApplyAck(old, Ack(("ecg", 3)), DateTimeOffset.UnixEpoch, deleted.AddRange);
        Assert.True(index.IsDrained(() => true));
    }

    private static OutboxIndex Index(Action<VehicleGatewayOptions> configure)
    {
        var options = new VehicleGatewayOptions();
        configure(options);
        return new OutboxIndex(options);
    }

    private static List<FrameEntry> Frames(string channel, TelemetryKind kind, long from, long to, Func<long, long> capturedAt, int size = 100, Func<long, bool>? key = null) =>
        [.. Enumerable.Range((int)from, (int)(to - from + 1))
            .Select(seq => new FrameEntry(channel, seq, "case", kind, capturedAt(seq), size, kind != TelemetryKind.Video || (key?.Invoke(seq) ?? false)))];

    private static UploadAck Ack(params (string Channel, long Through)[] channels) =>
        new([.. channels.Select(c => new ChannelAck(c.Channel, c.Through, []))], []);

    private static long[] Sequences(OutgoingBatch? batch) => [.. Assert.IsType<OutgoingBatch>(batch).Entries.Select(e => e.Sequence)];
}
