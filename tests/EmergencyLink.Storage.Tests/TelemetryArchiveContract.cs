using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Telemetry;
using EmergencyLink.Storage.Telemetry;

namespace EmergencyLink.Storage.Tests;

/// <summary>
/// What every telemetry archive must do, run against each (SQLite, and PostgreSQL where the package is installed).
/// <see cref="Open"/> called again opens the same storage, as a restarted node or another node of a cluster would.
/// </summary>
public abstract class TelemetryArchiveContract<TArchive>
    where TArchive : ITelemetryArchive, IAsyncDisposable
{
    protected const long T0 = 1_800_000_000_000_000;

    protected abstract TArchive Open(bool video = false);

    protected static TelemetryFrame Ecg(long sequence, string caseId = "INC-000001")
    {
        var samples = Enumerable.Range(0, 12).Select(l => Enumerable.Range(0, 20).Select(i => (short)((sequence * 20) + i + (l * 100))).ToArray()).ToArray();
        return new TelemetryFrame("A19", caseId, "ecg", TelemetryKind.Ecg, sequence, T0 + (sequence * 40_000),
            TelemetryCodec.EncodeEcg(new EcgBlock(500, 1, (sequence - 1) * 20, samples)));
    }

    protected static TelemetryFrame Video(long sequence) => new("A19", "INC-000001", "video", TelemetryKind.Video, sequence, T0 + (sequence * 40_000),
        TelemetryCodec.EncodeVideo(new VideoFrame(sequence % 25 == 1, 640, 480, "jpeg", new byte[1000])));

    protected static ArchiveEntry Entry(TelemetryFrame frame, bool backfilled = false) => new(frame, frame.CapturedAtMicros + 20_000, backfilled);

    [SkippableFact]
    public async Task Stored_ecg_reads_back_sample_for_sample_and_a_second_store_of_a_frame_keeps_the_first()
    {
        await using var archive = Open();
        await archive.StoreAsync([Entry(Ecg(1)), Entry(Ecg(2))], []);
        await archive.StoreAsync([Entry(Ecg(2) with { CaseId = "INC-000002" }), Entry(Ecg(3))], []);

        var frames = await archive.ReadAsync("INC-000001", "ecg", 0, long.MaxValue, 100);

        Assert.Equal([1L, 2, 3], frames.Select(f => f.Sequence));
        Assert.Equal(Ecg(2).Payload, frames[1].Payload);
        Assert.Empty(await archive.ReadAsync("INC-000002", null, 0, long.MaxValue, 100));
    }

    [SkippableFact]
    public async Task What_was_stored_survives_reopening_and_rebuilds_continuity()
    {
        await using (var archive = Open())
        {
            await archive.StoreAsync([Entry(Ecg(1)), Entry(Ecg(2)), Entry(Ecg(5)), Entry(Video(1))], [new DuplicateCount("A19", "ecg", "INC-000001", 3)]);
        }

        await using var reopened = Open();
        var channels = (await reopened.LoadVehicleAsync("A19")).ToDictionary(c => c.Channel);

        Assert.Equal([new SequenceRange(1, 2), new SequenceRange(5, 5)], channels["ecg"].Held);
        Assert.Equal(3, channels["ecg"].Duplicates);
        Assert.Equal([new SequenceRange(1, 1)], channels["video"].Held);
    }

    [SkippableFact]
    public async Task Video_keeps_its_sequence_but_not_its_picture_unless_configured()
    {
        await using (var archive = Open())
        {
            await archive.StoreAsync([Entry(Video(1))], []);
            Assert.Empty(await archive.ReadAsync("INC-000001", "video", 0, long.MaxValue, 10));
        }

        await using var keeping = Open(video: true);
        await keeping.StoreAsync([Entry(Video(2))], []);
        Assert.Equal([2L], (await keeping.ReadAsync("INC-000001", "video", 0, long.MaxValue, 10)).Select(f => f.Sequence));
    }

    [SkippableFact]
    public async Task The_report_shows_open_gaps_backfill_duplicates_and_late_frames_of_the_case()
    {
        await using var archive = Open();
        await archive.StoreAsync([Entry(Ecg(1)), Entry(Ecg(2)), Entry(Ecg(6)), new ArchiveEntry(Ecg(3), Ecg(3).CapturedAtMicros + 2_000_000, true)],
            [new DuplicateCount("A19", "ecg", "INC-000001", 2)]);

        var report = (await archive.ReportAsync("INC-000001", TimeSpan.FromSeconds(1))).Single();

        Assert.Equal((1L, 6L, 6L, 4L, 2L), (report.FirstSequence, report.LastSequence, report.Expected, report.Received, report.Missing));
        Assert.Equal([new SequenceRange(4, 5)], report.OpenGaps);
        Assert.Equal((2L, 1L, 1L), (report.Duplicates, report.Backfilled, report.Late));
        Assert.InRange(report.CaptureToServerP50Ms, 19, 21);
    }

    [SkippableFact]
    public async Task A_viewer_coming_back_gets_exactly_what_follows_its_last_frame()
    {
        await using var archive = Open();
        await archive.StoreAsync(Enumerable.Range(1, 10).Select(s => Entry(Ecg(s))).ToArray(), []);

        var missed = await archive.ReadAfterAsync("INC-000001", new Dictionary<string, long> { ["ecg"] = 7 }, 100);

        Assert.Equal([8L, 9, 10], missed.Select(f => f.Sequence));
        Assert.Equal(T0 + (10 * 40_000), await archive.LatestCaptureAsync("INC-000001"));
    }
}
