using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Domain.Tests;

public sealed class TelemetryTests
{
    [Fact]
    public void A_sequence_set_merges_neighbours_and_reports_the_holes_between_them()
    {
        var set = new SequenceSet();
        foreach (var s in new long[] { 1, 2, 3, 7, 8, 5, 10 })
        {
            Assert.True(set.Add(s));
        }

        Assert.False(set.Add(7));
        Assert.Equal([(1L, 3L), (5L, 5L), (7L, 8L), (10L, 10L)], set.Ranges);
        Assert.Equal([(4L, 4L), (6L, 6L), (9L, 9L)], set.Gaps());
        Assert.Equal(3, set.ContiguousThrough);

        set.Add(4);
        set.Add(6);
        set.Add(9);
        Assert.Equal([(1L, 10L)], set.Ranges);
        Assert.Equal(10, set.Count);
        Assert.Empty(set.Gaps());
    }

    [Fact]
    public void Continuity_tells_in_order_frames_from_backfill_and_duplicates()
    {
        var channel = new ChannelContinuity();
        Assert.Equal(ContinuityOutcome.InOrder, channel.Record(1));
        Assert.Equal(ContinuityOutcome.InOrder, channel.Record(5));
        Assert.Equal(ContinuityOutcome.Backfilled, channel.Record(3));
        Assert.Equal(ContinuityOutcome.Duplicate, channel.Record(3));
        Assert.Equal(5, channel.Expected);
        Assert.Equal(3, channel.Received);
        Assert.Equal(1, channel.Backfilled);
        Assert.Equal(1, channel.Duplicates);
        Assert.Equal(1, channel.ContiguousThrough);
        Assert.Equal([(2L, 2L), (4L, 4L)], channel.Held.Gaps());
    }

    [Fact]
    public void Continuity_rebuilt_from_held_ranges_still_knows_every_frame()
    {
        var channel = ChannelContinuity.FromHeld([(1, 100), (120, 130)], duplicates: 4);
        Assert.Equal(ContinuityOutcome.Duplicate, channel.Classify(50));
        Assert.Equal(ContinuityOutcome.Backfilled, channel.Classify(110));
        Assert.Equal(ContinuityOutcome.InOrder, channel.Classify(131));
        Assert.Equal(111, channel.Received);
        Assert.Equal(4, channel.Duplicates);
    }

    [Fact]
    public void Vitals_round_trip_with_missing_readings_left_empty()
    {
        var vitals = new VitalSigns(88, 94, 132, 84, 100, 18, 35, null);
        Assert.True(TelemetryCodec.TryDecodeVitals(TelemetryCodec.EncodeVitals(vitals), out var back, out var error), error);
        Assert.Equal(vitals, back);
    }

    [Fact]
    public void Ecg_blocks_round_trip_and_compact_to_about_half_their_raw_size()
    {
        var block = Synthetic(500, 20 * 50, 1000);
        var wire = TelemetryCodec.EncodeEcg(block);
        Assert.Equal(TelemetryCodec.EcgHeaderLength + (12 * 1000 * 2), wire.Length);
        Assert.True(TelemetryCodec.TryDecodeEcg(wire, out var decoded, out var error), error);
        Assert.Equal(block.Samples, decoded.Samples);
        Assert.Equal(block.FirstSample, decoded.FirstSample);

        var compact = EcgCompaction.Compact(block);
        var expanded = EcgCompaction.Expand(compact);
        Assert.Equal(block.Samples, expanded.Samples);
        Assert.Equal((block.SampleRateHz, block.MicrovoltsPerUnit, block.FirstSample), (expanded.SampleRateHz, expanded.MicrovoltsPerUnit, expanded.FirstSample));
        Assert.InRange(compact.Length, 0, wire.Length * 0.6);
    }

    [Fact]
    public void Compaction_keeps_extreme_sample_steps_exactly()
    {
        var block = new EcgBlock(500, 1, 0, [[short.MinValue, short.MaxValue, 0, short.MinValue, -1, 1]]);
        Assert.Equal(block.Samples, EcgCompaction.Expand(EcgCompaction.Compact(block)).Samples);
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 9, 12, 244, 1 })]
    [InlineData(new byte[] { 1, 12, 244, 1, 0, 0, 128, 63, 0, 0, 0, 0, 0, 0, 0, 0, 20, 0, 1, 2 })]
    public void Malformed_ecg_payloads_are_refused_with_a_reason(byte[] payload)
    {
        Assert.False(TelemetryCodec.TryDecodeEcg(payload, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void Video_frames_keep_their_key_flag_size_and_codec()
    {
        var frame = new VideoFrame(true, 1280, 720, "jpeg", [0xFF, 0xD8, 1, 2, 3, 0xFF, 0xD9]);
        Assert.True(TelemetryCodec.TryDecodeVideo(TelemetryCodec.EncodeVideo(frame), out var back, out var error), error);
        Assert.Equal((frame.KeyFrame, frame.Width, frame.Height, frame.Codec), (back.KeyFrame, back.Width, back.Height, back.Codec));
        Assert.Equal(frame.Data, back.Data);
    }

    [Theory]
    [InlineData("A1", "INC-000001", "ecg", TelemetryKind.Ecg, 1, "vehicle")]
    [InlineData("A19", "INC-000001", "ECG!", TelemetryKind.Ecg, 1, "channel")]
    [InlineData("A19", "", "ecg", TelemetryKind.Ecg, 1, "caseId")]
    [InlineData("A19", "INC-000001", "ecg", TelemetryKind.Video, 1, "carries")]
    [InlineData("A19", "INC-000001", "ecg", TelemetryKind.Ecg, 0, "sequence")]
    public void Frames_that_can_never_be_taken_say_why(string vehicle, string caseId, string channel, TelemetryKind kind, long sequence, string reason)
    {
        var payload = TelemetryCodec.EncodeEcg(Synthetic(500, 0, 20));
        var why = TelemetryRules.Check(vehicle, caseId, channel, kind, sequence, 1_000_000, payload, "A19", 1 << 20);
        Assert.NotNull(why);
        Assert.Contains(reason, why, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_payloads_are_refused_with_the_limit_named()
    {
        var payload = TelemetryCodec.EncodeVideo(new VideoFrame(true, 640, 480, "jpeg", new byte[2 << 20]));
        var why = TelemetryRules.Check("A19", "INC-000001", "video", TelemetryKind.Video, 1, 1_000_000, payload, "A19", 1 << 20);
        Assert.Contains("exceeds the limit of 1048576 bytes", why, StringComparison.Ordinal);
        Assert.Null(TelemetryRules.Check("A19", "INC-000001", "ultrasound", TelemetryKind.Video, 1, 1_000_000, payload[..4096], "A19", 1 << 20));
    }

    [Fact]
    public void Latency_percentiles_are_within_two_percent()
    {
        var histogram = new LatencyHistogram();
        for (var i = 1; i <= 1000; i++)
        {
            histogram.Add(i * 100);
        }

        Assert.InRange(histogram.Percentile(0.5)!.Value, 50_000 * 0.98, 50_000 * 1.02);
        Assert.InRange(histogram.Percentile(0.99)!.Value, 99_000 * 0.98, 99_000 * 1.02);
        Assert.Equal(100_000, histogram.MaxMicros);
    }

    /// <summary>A plausible 12-lead trace: a slow baseline wave and a sharp beat every 0.8 s, in 1 µV units.</summary>
    private static EcgBlock Synthetic(int rate, long first, int n)
    {
        var leads = new short[12][];
        for (var l = 0; l < 12; l++)
        {
            leads[l] = new short[n];
            for (var i = 0; i < n; i++)
            {
                var t = (first + i) / (double)rate;
                var phase = t % 0.8;
                var beat = Math.Exp(-Math.Pow((phase - 0.2) / 0.012, 2)) * 1200 * (1 + (l * 0.05));
                leads[l][i] = (short)((Math.Sin(2 * Math.PI * 0.3 * t) * 80) + beat + (l * 3));
            }
        }

        return new EcgBlock(rate, 1, first, leads);
    }
}
