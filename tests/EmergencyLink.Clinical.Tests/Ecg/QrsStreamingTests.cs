using EmergencyLink.Clinical.Ecg;

namespace EmergencyLink.Clinical.Tests.Ecg;

public sealed class QrsStreamingTests
{
    [SkippableTheory]
    [InlineData("mitdb/100", "MLII")]
    [InlineData("cpsc2021/data_8_3", "II")]
    [InlineData("cinc2021/E07500", "II")]
    [InlineData("ptbdb/s0010_re", "ii")]
    public void Frames_of_20_samples_and_of_40_ms_give_exactly_the_beats_of_one_push(string name, string lead)
    {
        var record = EcgData.Record(name);
        var signal = record.Find(lead)!.ToMillivolts();
        var whole = QrsDetector.Detect(signal, record.SamplingRate);

        Assert.NotEmpty(whole);
        Assert.Equal(whole, InFrames(signal, record.SamplingRate, 20));
        Assert.Equal(whole, InFrames(signal, record.SamplingRate, (int)Math.Round(0.040 * record.SamplingRate)));
    }

    [SkippableFact]
    public void Frames_at_128_250_500_and_1000_hz_give_the_beats_of_one_push_and_find_mitdb_100()
    {
        var record = EcgData.Record("mitdb/100");
        var length = (int)(600 * record.SamplingRate);
        var signal = record.Find("MLII")!.ToMillivolts()[..length];
        var reference = EcgData.ReferenceBeats("mitdb/100").Where(b => b < length - 360).ToArray();
        foreach (var rate in new[] { 128.0, 250, 500, 1000 })
        {
            var resampled = EcgData.Resample(signal, record.SamplingRate, rate);
            var whole = QrsDetector.Detect(resampled, rate);
            Assert.Equal(whole, InFrames(resampled, rate, (int)Math.Round(0.040 * rate)));

            var scaled = reference.Select(b => (long)Math.Round(b * rate / record.SamplingRate)).ToArray();
            var score = BeatScore.Compare(scaled, [.. whole.Where(b => b < scaled[^1] + (0.2 * rate))], (long)(0.15 * rate));
            Assert.True(score.Sensitivity >= 0.995 && score.PositivePredictivity >= 0.995, $"{rate} Hz: {score}");
        }
    }

    [SkippableTheory]
    [InlineData("cpsc2021/data_8_3")]
    [InlineData("cpsc2021/data_92_4")]
    public void Reports_every_beat_within_DelaySamples_of_it_and_never_before_SettledSample(string name)
    {
        var record = EcgData.Record(name);
        var signal = record.Find("II")!.ToMillivolts();
        var detector = new QrsDetector(record.SamplingRate);
        var beats = new List<long>();
        var settled = 0L;
        for (var i = 0; i < signal.Length; i++)
        {
            var before = beats.Count;
            detector.Push(signal.AsSpan(i, 1), beats);
            for (var k = before; k < beats.Count; k++)
            {
                Assert.True(beats[k] >= settled, $"beat {beats[k]} arrived after SettledSample {settled}");
                if (beats[k] >= detector.LearningSamples)
                {
                    Assert.True(detector.SamplesPushed - 1 - beats[k] <= detector.DelaySamples, $"beat {beats[k]} reported at {detector.SamplesPushed - 1}");
                }
            }

            settled = detector.SettledSample;
        }

        Assert.Equal(QrsDetector.Detect(signal, record.SamplingRate).Where(b => b < signal.Length - detector.DelaySamples), beats.Where(b => b < signal.Length - detector.DelaySamples));
    }

    [Theory]
    [InlineData(128)]
    [InlineData(200)]
    [InlineData(250)]
    [InlineData(360)]
    [InlineData(500)]
    [InlineData(1000)]
    public void Delay_stays_well_under_one_second_at_every_rate(double rate)
    {
        var detector = new QrsDetector(rate);

        Assert.InRange(detector.Delay, TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(800));
        Assert.Equal(detector.DelaySamples, new MultiLeadQrsDetector(rate, 12).DelaySamples);
    }

    [Fact]
    public void Flat_signals_raise_no_beats()
    {
        Assert.Empty(QrsDetector.Detect(new float[60 * 360], 360));
        Assert.Empty(QrsDetector.Detect(Enumerable.Repeat(3.7f, 60 * 500).ToArray(), 500));
        Assert.Empty(MultiLeadQrsDetector.Detect([new float[30 * 500], new float[30 * 500], new float[30 * 500]], 500));
    }

    [Theory]
    [InlineData(250)]
    [InlineData(500)]
    [InlineData(1000)]
    public void Amplifier_noise_mains_and_baseline_wander_raise_no_beats(double rate)
    {
        // 20 µV RMS broadband noise, 0.1 mV of 50 Hz mains and 1 mV of 0.3 Hz respiration wander: no QRS in it.
        var random = new Random(5);
        var signal = new float[(int)(60 * rate)];
        for (var i = 0; i < signal.Length; i++)
        {
            var t = i / rate;
            signal[i] = (float)((0.02 * Gaussian(random)) + (0.1 * Math.Sin(2 * Math.PI * 50 * t)) + Math.Sin(2 * Math.PI * 0.3 * t));
        }

        Assert.Empty(QrsDetector.Detect(signal, rate));
    }

    [Fact]
    public void Empty_input_and_a_flush_alone_raise_nothing()
    {
        var detector = new QrsDetector(360);
        var beats = new List<long>();

        Assert.Equal(0, detector.Push([], beats));
        Assert.Equal(0, detector.Flush(beats));
        Assert.Empty(beats);
        Assert.Empty(QrsDetector.Detect([], 500));
        Assert.Empty(MultiLeadQrsDetector.Detect([[], []], 500));
        Assert.Throws<InvalidOperationException>(() => detector.Push([1f], beats));
    }

    [SkippableFact]
    public void Missing_samples_hold_the_last_value_and_beats_are_still_found()
    {
        var record = EcgData.Record("mitdb/100");
        var length = (int)(300 * record.SamplingRate);
        var signal = record.Find("MLII")!.ToMillivolts()[..length];
        for (var i = 0; i < signal.Length; i += 37)
        {
            signal[i] = float.NaN;
        }

        signal[1000] = float.PositiveInfinity;
        var reference = EcgData.ReferenceBeats("mitdb/100").Where(b => b < length - 360).ToArray();
        var beats = QrsDetector.Detect(signal, record.SamplingRate).Where(b => b < length - 360).ToArray();

        var score = BeatScore.Compare(reference, beats, 54);
        Assert.True(score.Sensitivity >= 0.995 && score.PositivePredictivity >= 0.995, score.ToString());
    }

    [SkippableFact]
    public void Negative_polarity_qrs_is_detected_and_located_at_its_extreme()
    {
        var record = EcgData.Record("mitdb/100");
        var inverted = record.Find("MLII")!.ToMillivolts().Select(v => -v).ToArray();
        var reference = EcgData.ReferenceBeats("mitdb/100");

        var beats = QrsDetector.Detect(inverted, record.SamplingRate);

        var tight = BeatScore.Compare(reference, beats, (long)(0.020 * record.SamplingRate));
        Assert.True(tight.Sensitivity >= 0.99 && tight.PositivePredictivity >= 0.99, $"within 20 ms: {tight}");
    }

    private static long[] InFrames(float[] signal, double rate, int frame)
    {
        var detector = new QrsDetector(rate);
        var beats = new List<long>();
        for (var offset = 0; offset < signal.Length; offset += frame)
        {
            detector.Push(signal.AsSpan(offset, Math.Min(frame, signal.Length - offset)), beats);
        }

        detector.Flush(beats);
        return [.. beats];
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
