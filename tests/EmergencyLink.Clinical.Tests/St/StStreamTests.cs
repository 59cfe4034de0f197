using EmergencyLink.Clinical.St;

namespace EmergencyLink.Clinical.Tests.St;

public sealed class StStreamTests
{
    private static readonly Dictionary<string, double> Plateaus = new()
    {
        ["II"] = 0.2, ["III"] = 0.25, ["aVF"] = 0.22, ["aVL"] = -0.1, ["V2"] = 0.05,
    };

    [Theory]
    [InlineData(500, 10.0)]
    [InlineData(250, 10.0)]
    [InlineData(1000, 10.0)]
    [InlineData(500, 2.5)]
    public void Streaming_40_ms_frames_with_beats_reported_late_gives_exactly_the_batch_measurements(double rate, double hop)
    {
        var (leads, peaks, names) = Recording(rate, 30);
        var analyzer = new StAnalyzer(names, rate, new StAnalyzerOptions { HopSeconds = hop });
        var batch = analyzer.Measure(leads, peaks);

        var streamed = Stream(analyzer, leads, peaks, analyzer.Options.BeatReportDelaySeconds);

        Assert.Equal(hop == 10.0 ? 3 : 9, batch.Count);
        Assert.Equal(batch.Count, streamed.Count);
        for (var w = 0; w < batch.Count; w++)
        {
            AssertSame(batch[w], streamed[w]);
        }
    }

    [Fact]
    public void A_window_is_measured_once_its_last_sample_and_its_beats_are_in()
    {
        var (leads, peaks, names) = Recording(500, 20.5);
        var analyzer = new StAnalyzer(names, 500);
        var stream = analyzer.CreateStream();
        var results = new List<(long ReceivedAt, StMeasurement Measurement)>();

        foreach (var (frame, beats) in Frames(leads, peaks, 500, delaySeconds: 0.3))
        {
            foreach (var measurement in stream.Push(frame, beats))
            {
                results.Add((stream.SamplesReceived, measurement));
            }
        }

        Assert.Equal(2, results.Count);
        Assert.Equal(0, results[0].Measurement.WindowStartSample);
        Assert.Equal(5000, results[1].Measurement.WindowStartSample);
        // The defaults allow the detector 0.5 s per beat; a beat's segment ends ~0.41 s after its R peak, so the
        // window closes within 0.1 s (one 40-ms frame rounding) after its end.
        Assert.InRange(results[0].ReceivedAt, 5000, 5000 + 60);
        Assert.InRange(results[1].ReceivedAt, 10000, 10000 + 60);
        Assert.Equal(0, stream.LateBeats);
        Assert.True(results[0].Measurement.IsReliable);
    }

    [Fact]
    public void Beats_reported_after_their_window_closed_are_counted_late_and_not_used()
    {
        var (leads, peaks, names) = Recording(500, 12);
        var analyzer = new StAnalyzer(names, 500);
        var onTime = Stream(analyzer, leads, peaks, 0.3).Single();

        var stream = analyzer.CreateStream();
        var late = new List<StMeasurement>();
        foreach (var (frame, beats) in Frames(leads, peaks, 500, delaySeconds: 2.0))
        {
            late.AddRange(stream.Push(frame, beats));
        }

        Assert.True(stream.LateBeats > 0);
        Assert.True(late.Single().BeatsInWindow < onTime.BeatsInWindow);
    }

    [Fact]
    public void Rejects_a_frame_with_the_wrong_number_of_leads_or_uneven_lengths()
    {
        var stream = new StAnalyzer(["I", "II"], 500).CreateStream();

        Assert.Throws<ArgumentException>(() => stream.Push([new float[20]]));
        Assert.Throws<ArgumentException>(() => stream.Push([new float[20], new float[19]]));
    }

    private static (float[][] Leads, int[] Peaks, IReadOnlyList<string> Names) Recording(double rate, double seconds)
    {
        var ecg = new SyntheticEcg(rate, seconds)
        {
            Beats = SyntheticEcg.Regular(78, seconds, firstAt: 0.3),
            StMillivolts = Plateaus,
            NoiseMillivolts = 0.02,
            WanderMillivolts = 0.3,
            RPeakJitterMilliseconds = 4,
        };
        var (leads, peaks) = ecg.Build();
        return (leads, peaks, ecg.LeadNames);
    }

    private static List<StMeasurement> Stream(StAnalyzer analyzer, float[][] leads, int[] peaks, double delaySeconds)
    {
        var stream = analyzer.CreateStream();
        var results = new List<StMeasurement>();
        foreach (var (frame, beats) in Frames(leads, peaks, analyzer.SamplingRateHz, delaySeconds))
        {
            results.AddRange(stream.Push(frame, beats));
        }

        results.AddRange(stream.Complete());
        Assert.Equal(0, stream.LateBeats);
        return results;
    }

    /// <summary>
    /// 40-ms frames of all leads; each R peak goes with the first frame ending at least the delay after it, and the
    /// peaks still pending at the end with a last, empty frame.
    /// </summary>
    private static IEnumerable<(float[][] Frame, long[] Beats)> Frames(float[][] leads, int[] peaks, double rate, double delaySeconds)
    {
        var frameLength = (int)Math.Round(0.04 * rate);
        var delay = (long)Math.Round(delaySeconds * rate);
        var next = 0;
        for (var start = 0; start < leads[0].Length; start += frameLength)
        {
            var length = Math.Min(frameLength, leads[0].Length - start);
            var frame = leads.Select(l => l.AsSpan(start, length).ToArray()).ToArray();
            var end = start + length;
            var beats = new List<long>();
            while (next < peaks.Length && peaks[next] + delay <= end)
            {
                beats.Add(peaks[next++]);
            }

            yield return (frame, beats.ToArray());
        }

        // At the end of the recording the detector reports what it still holds.
        yield return (leads.Select(_ => Array.Empty<float>()).ToArray(), peaks.Skip(next).Select(p => (long)p).ToArray());
    }

    private static void AssertSame(StMeasurement expected, StMeasurement actual)
    {
        Assert.Equal(expected.WindowStartSample, actual.WindowStartSample);
        Assert.Equal(expected.WindowEndSample, actual.WindowEndSample);
        Assert.Equal(expected.BeatsInWindow, actual.BeatsInWindow);
        Assert.Equal(expected.BeatsUsed, actual.BeatsUsed);
        Assert.Equal(expected.HeartRateBpm, actual.HeartRateBpm);
        Assert.Equal(expected.QrsOnsetMs, actual.QrsOnsetMs);
        Assert.Equal(expected.JPointMs, actual.JPointMs);
        Assert.Equal(expected.Quality, actual.Quality);
        Assert.Equal(expected.Leads, actual.Leads);
        Assert.NotNull(actual.MedianBeat);
        for (var lead = 0; lead < expected.MedianBeat!.Leads.Count; lead++)
        {
            Assert.Equal(expected.MedianBeat.Leads[lead], actual.MedianBeat.Leads[lead]);
        }
    }
}
