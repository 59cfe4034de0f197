using EmergencyLink.Clinical.Synthetic;

namespace EmergencyLink.Clinical.Tests.Synthetic;

public sealed class SyntheticEcgTests
{
    private static readonly SyntheticEcgOptions Noisy = new()
    {
        HeartRateBpm = 84,
        BaselineWanderMillivolts = 0.3,
        MuscleNoiseMillivolts = 0.05,
        StElevation = new StElevation(Territory.Lateral, 0.3),
        Seed = 11,
    };

    [Fact]
    public void Limb_leads_obey_Einthoven_and_Goldberger_to_float_precision_even_with_noise_and_st_elevation()
    {
        var run = EcgRun.Generate(Noisy, 10);
        var (i, ii) = (run.Lead("I"), run.Lead("II"));
        for (var n = 0; n < i.Length; n++)
        {
            Assert.Equal(ii[n] - i[n], run.Lead("III")[n], 1e-6f);
            Assert.Equal(-(i[n] + ii[n]) / 2, run.Lead("aVR")[n], 1e-6f);
            Assert.Equal(i[n] - (ii[n] / 2), run.Lead("aVL")[n], 1e-6f);
            Assert.Equal(ii[n] - (i[n] / 2), run.Lead("aVF")[n], 1e-6f);
        }

        Assert.True(i.Max() - i.Min() > 0.3, "lead I should carry a signal");
    }

    [Theory]
    [InlineData(45, 1)]
    [InlineData(72, 2)]
    [InlineData(110, 3)]
    [InlineData(160, 4)]
    public void Sinus_rate_from_the_true_R_peaks_over_60_s_is_within_1_bpm_of_the_set_rate(double bpm, int seed)
    {
        var run = EcgRun.Generate(new SyntheticEcgOptions { HeartRateBpm = bpm, HeartRateVariabilityMs = bpm > 120 ? 15 : 50, Seed = seed }, 62);
        var peaks = run.Generator.RPeaks.Where(p => p < 60 * run.Rate).ToList();

        var measured = 60.0 * (peaks.Count - 1) / ((peaks[^1] - peaks[0]) / run.Rate);

        Assert.InRange(measured, bpm - 1, bpm + 1);
    }

    [Fact]
    public void Sinus_RR_varies_a_little_at_the_respiratory_rate_and_atrial_fibrillation_RR_is_irregularly_irregular()
    {
        var sinus = Irregularity(new SyntheticEcgOptions { HeartRateBpm = 80, HeartRateVariabilityMs = 40, Seed = 5 });
        var af = Irregularity(new SyntheticEcgOptions { HeartRateBpm = 80, Rhythm = SyntheticRhythm.AtrialFibrillation, Seed = 5 });

        Assert.InRange(sinus.Cv, 0.01, 0.07);
        Assert.InRange(sinus.NormalisedRmssd, 0.005, 0.08);
        Assert.True(sinus.Lag1Autocorrelation > 0.2, $"sinus RR should be autocorrelated, got {sinus.Lag1Autocorrelation:F2}");
        Assert.InRange(af.Cv, 0.15, 0.3);
        Assert.True(af.NormalisedRmssd > 0.2, $"AF successive differences should be large, got {af.NormalisedRmssd:F3}");
        Assert.InRange(af.Lag1Autocorrelation, -0.2, 0.2);
    }

    [Fact]
    public void Atrial_fibrillation_has_no_P_waves_and_4_to_9_Hz_f_waves_of_0_05_to_0_1_mV_in_V1()
    {
        var run = EcgRun.Generate(new SyntheticEcgOptions { HeartRateBpm = 75, Rhythm = SyntheticRhythm.AtrialFibrillation, Seed = 8 }, 60);
        var v1 = run.Lead("V1");
        var beats = run.Generator.Beats;
        Assert.All(beats, b => Assert.Null(b.PWaveOnsetSample));

        // Between one beat's T end and the next QRS only atrial activity is left.
        var crossings = 0;
        var samples = 0;
        var peak = 0.0;
        var start = (int)(2 * run.Rate);
        foreach (var (b, next) in beats.Zip(beats.Skip(1)).Where(p => p.First.TEndSample > start && p.Second.QrsOnsetSample < v1.Length))
        {
            for (var n = b.TEndSample + 1; n < next.QrsOnsetSample; n++)
            {
                crossings += Math.Sign(v1[n]) != Math.Sign(v1[n - 1]) ? 1 : 0;
                peak = Math.Max(peak, Math.Abs(v1[n]));
                samples++;
            }
        }

        var hz = crossings / 2.0 / (samples / run.Rate);
        Assert.True(samples > 10 * run.Rate, "there should be TQ time to measure");
        Assert.InRange(hz, 4, 9);
        Assert.InRange(peak, 0.05, 0.12);
    }

    [Theory]
    [InlineData(Territory.Inferior, 0.25, 500)]
    [InlineData(Territory.Anterior, 0.35, 500)]
    [InlineData(Territory.Lateral, 0.2, 500)]
    [InlineData(Territory.Inferior, 0.1, 250)]
    [InlineData(Territory.Anterior, 0.4, 360)]
    [InlineData(Territory.Lateral, 0.3, 1000)]
    [InlineData(Territory.Inferior, 0.2, 128)]
    [InlineData(Territory.Anterior, 0.3, 500, 150)]
    [InlineData(Territory.Lateral, 0.3, 500, 180)]
    [InlineData(Territory.Inferior, 0.3, 500, 40)]
    public void St_offset_read_at_J_plus_60_ms_against_the_PR_segment_is_the_reported_offset_in_every_lead(Territory territory, double mv, double rate, double bpm = 75)
    {
        var options = new SyntheticEcgOptions
        {
            SamplingRateHz = rate, HeartRateBpm = bpm, HeartRateVariabilityMs = bpm > 120 ? 10 : 40, StElevation = new StElevation(territory, mv), Seed = 21,
        };
        var run = EcgRun.Generate(options, 12);
        var beats = run.CompleteBeats().ToList();
        Assert.True(beats.Count >= 6);

        foreach (var name in SyntheticEcg.LeadNames)
        {
            var lead = run.Lead(name);
            var expected = run.Generator.StOffsetMillivolts[name];
            foreach (var beat in beats)
            {
                Assert.Equal(expected, beat.StOffsetMillivolts[name]);
                Assert.Equal(0, PrSpread(lead, beat), 1e-6);
                Assert.Equal(expected, run.StAtJPlus60(lead, beat), 1e-5);

                // Flat from J to J+80 ms, so a reader whose J point is off by up to 20 ms still reads the same.
                var flat = Window(lead, beat.JPointSample, beat.JPointSample + (long)(0.080 * rate));
                Assert.All(flat, v => Assert.Equal(expected, v, 1e-5));
            }
        }
    }

    [Theory]
    [InlineData(Territory.Inferior, new[] { "II", "III", "aVF" }, new[] { "I", "aVL" })]
    [InlineData(Territory.Anterior, new[] { "V1", "V2", "V3", "V4" }, new[] { "II", "III", "aVF" })]
    [InlineData(Territory.Lateral, new[] { "I", "aVL", "V5", "V6" }, new[] { "III", "aVF" })]
    public void St_elevation_sits_in_its_territory_with_reciprocal_depression_opposite(Territory territory, string[] elevated, string[] reciprocal)
    {
        var st = StPattern.OffsetsMillivolts(new StElevation(territory, 0.3));

        Assert.All(elevated, l => Assert.True(st[l] >= 0.1, $"{l} should be elevated by at least 1 mm, got {st[l]:F2}"));
        Assert.All(reciprocal, l => Assert.True(st[l] <= -0.05, $"{l} should be depressed, got {st[l]:F2}"));
        Assert.Equal(0.3, elevated.Max(l => st[l]), 1e-12);
        Assert.Equal(0.3, st.Values.Max(), 1e-12);
    }

    [Fact]
    public void Without_st_elevation_the_ST_segment_is_on_the_PR_baseline_in_every_lead()
    {
        var run = EcgRun.Generate(new SyntheticEcgOptions { HeartRateBpm = 60, Seed = 3 }, 8);

        Assert.All(run.Generator.StOffsetMillivolts.Values, v => Assert.Equal(0, v));
        foreach (var name in SyntheticEcg.LeadNames)
        {
            Assert.All(run.CompleteBeats(), b => Assert.Equal(0, run.StAtJPlus60(run.Lead(name), b), 1e-9));
        }
    }

    [Fact]
    public void Waves_have_adult_amplitudes_and_R_grows_across_the_chest_leads()
    {
        var run = EcgRun.Generate(new SyntheticEcgOptions { HeartRateBpm = 70, HeartRateVariabilityMs = 0, Seed = 1 }, 5);
        var beat = run.CompleteBeats().First();
        double R(string lead) => Window(run.Lead(lead), beat.QrsOnsetSample, beat.JPointSample).Max();
        double S(string lead) => -Window(run.Lead(lead), beat.QrsOnsetSample, beat.JPointSample).Min();
        var p = Window(run.Lead("II"), beat.PWaveOnsetSample!.Value, beat.PWaveEndSample!.Value).Max();
        var t = Window(run.Lead("II"), beat.JPointSample, beat.TEndSample).Max();

        Assert.InRange(R("II"), 1.0, 1.5);
        Assert.InRange(p, 0.08, 0.25);
        Assert.InRange(t, 0.15, 0.6);
        Assert.True(S("V1") > 2 * R("V1"), "V1 should be rS");
        Assert.True(R("V6") > 3 * S("V6"), "V6 should be qR");
        var chest = new[] { "V1", "V2", "V3", "V4" }.Select(R).ToArray();
        Assert.Equal(chest.Order(), chest);
        var ratio = new[] { "V1", "V2", "V3", "V4", "V5", "V6" }.Select(l => R(l) / S(l)).ToArray();
        Assert.Equal(ratio.Order(), ratio);
        Assert.True(-Window(run.Lead("aVR"), beat.QrsOnsetSample, beat.JPointSample).Min() > 0.5, "aVR should be negative");
    }

    [Theory]
    [InlineData(50)]
    [InlineData(75)]
    [InlineData(100)]
    public void Intervals_read_from_the_signal_are_PR_140_to_175_ms_QRS_90_ms_and_QT_by_Fridericia(double bpm)
    {
        var run = EcgRun.Generate(new SyntheticEcgOptions { SamplingRateHz = 1000, HeartRateBpm = bpm, HeartRateVariabilityMs = 0, Seed = 4 }, 8);
        var beats = run.CompleteBeats().ToList();
        var ms = 1000 / run.Rate;

        // Wave edges from the signal: the first and last sample where any of the 12 leads leaves the baseline, searched
        // between the neighbouring beats' quiet stretches.
        bool Active(long n) => run.Leads.Any(l => l[n] != 0);
        long First(long from, long to) => Enumerable.Range((int)from, (int)(to - from)).First(n => Active(n));
        long Last(long from, long to) => Enumerable.Range((int)from, (int)(to - from)).Last(n => Active(n));
        foreach (var (previous, beat, next) in beats.Zip(beats.Skip(1), beats.Skip(2)))
        {
            var pOnset = First(previous.TEndSample, beat.QrsOnsetSample);
            var pEnd = Last(pOnset, beat.QrsOnsetSample) + 1;
            var qrsOnset = First(pEnd, beat.RPeakSample);
            var qrsEnd = Last(qrsOnset, beat.JPointSample + 20) + 1;
            var tEnd = Last(qrsEnd, next.PWaveOnsetSample!.Value) + 1;
            var rr = (next.RPeakSample - beat.RPeakSample) / run.Rate;

            Assert.InRange((qrsOnset - pOnset) * ms, 140, 175);
            Assert.InRange((qrsOnset - pEnd) * ms, 40, 80);
            Assert.InRange((qrsEnd - qrsOnset) * ms, 85, 95);
            Assert.InRange((tEnd - qrsOnset) / run.Rate / Math.Cbrt(rr), 0.39, 0.41);
        }
    }

    [Fact]
    public void The_true_R_peak_is_where_lead_II_peaks()
    {
        foreach (var rate in new[] { 128.0, 250, 360, 500, 1000 })
        {
            var run = EcgRun.Generate(new SyntheticEcgOptions { SamplingRateHz = rate, HeartRateBpm = 90, Seed = 6 }, 10);
            var ii = run.Lead("II");
            var window = (int)(0.05 * rate);
            foreach (var r in run.Generator.RPeaks.Where(r => r > window && r < ii.Length - window))
            {
                var best = Enumerable.Range((int)r - window, 2 * window).MaxBy(n => ii[n]);
                Assert.InRange(best, r - 1, r + 1);
            }
        }
    }

    [Theory]
    [InlineData(250)]
    [InlineData(360)]
    [InlineData(500)]
    [InlineData(1000)]
    public void Every_supported_sampling_rate_gives_the_set_rate_and_the_same_R_amplitude(double rate)
    {
        var run = EcgRun.Generate(new SyntheticEcgOptions { SamplingRateHz = rate, HeartRateBpm = 66, Seed = 9 }, 30);
        var peaks = run.Generator.RPeaks;
        var bpm = 60.0 * (peaks.Count - 1) / ((peaks[^1] - peaks[0]) / rate);
        var ii = run.Lead("II");

        Assert.InRange(bpm, 64, 68);
        Assert.All(peaks, r => Assert.InRange(ii[r], rate >= 360 ? 1.1 : 1.0, 1.2));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(2000)]
    public void Sampling_rates_outside_128_to_1000_Hz_are_refused(double rate) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticEcg(new SyntheticEcgOptions { SamplingRateHz = rate }));

    [Fact]
    public void The_same_seed_gives_the_same_samples_and_another_seed_does_not()
    {
        var a = EcgRun.Generate(Noisy, 5);
        var b = EcgRun.Generate(Noisy, 5);
        var c = EcgRun.Generate(Noisy with { Seed = 12 }, 5);

        for (var l = 0; l < SyntheticEcg.LeadCount; l++)
        {
            Assert.Equal(a.Leads[l], b.Leads[l]);
        }

        Assert.Equal(a.Generator.RPeaks, b.Generator.RPeaks);
        Assert.NotEqual(a.Leads[1], c.Leads[1]);
        Assert.NotEqual(a.Generator.RPeaks, c.Generator.RPeaks);
    }

    [Fact]
    public void Streaming_in_20_sample_chunks_equals_one_long_generation_across_an_update()
    {
        var options = Noisy with { Rhythm = SyntheticRhythm.AtrialFibrillation };
        var change = options with { Rhythm = SyntheticRhythm.Sinus, HeartRateBpm = 130, StElevation = new StElevation(Territory.Inferior, 0.2) };
        const int Total = 20 * 600;
        const int UpdateAt = 20 * 250;

        var whole = new SyntheticEcg(options);
        var first = whole.Next(UpdateAt);
        whole.Update(change);
        var second = whole.Next(Total - UpdateAt);

        var streamed = new SyntheticEcg(options);
        var chunk = Enumerable.Range(0, SyntheticEcg.LeadCount).Select(_ => new float[20]).ToArray();
        for (var c = 0; c < Total / 20; c++)
        {
            if (c * 20 == UpdateAt)
            {
                streamed.Update(change);
            }

            streamed.Fill(chunk, 20);
            for (var l = 0; l < SyntheticEcg.LeadCount; l++)
            {
                for (var i = 0; i < 20; i++)
                {
                    var n = (c * 20) + i;
                    Assert.Equal(n < UpdateAt ? first[l][n] : second[l][n - UpdateAt], chunk[l][i]);
                }
            }
        }

        Assert.Equal(whole.RPeaks, streamed.RPeaks);
        Assert.Equal(Total, streamed.SamplesGenerated);
    }

    [Fact]
    public void An_update_mid_stream_brings_AF_and_ST_elevation_from_the_next_beat_on()
    {
        var ecg = new SyntheticEcg(new SyntheticEcgOptions { HeartRateBpm = 70, Seed = 17 });
        var before = ecg.Next(5000);
        var beatsBefore = ecg.Beats.Count;
        var st = new StElevation(Territory.Anterior, 0.3);
        ecg.Update(ecg.Options with { Rhythm = SyntheticRhythm.AtrialFibrillation, HeartRateBpm = 120, StElevation = st });
        var after = ecg.Next(10000);

        Assert.Equal(0.3, ecg.StOffsetMillivolts["V2"], 1e-12);
        var laidBefore = ecg.Beats.Where(b => (b.RPeakSample / 500.0) - SyntheticEcg.LayDownSeconds < 10).ToList();
        var laidAfter = ecg.Beats.Skip(laidBefore.Count).ToList();
        Assert.True(laidBefore.Count >= beatsBefore);
        Assert.All(laidBefore, b => Assert.Equal(SyntheticRhythm.Sinus, b.Rhythm));
        Assert.All(laidBefore, b => Assert.Equal(0, b.StOffsetMillivolts["V2"]));
        Assert.All(laidAfter, b => Assert.Equal(SyntheticRhythm.AtrialFibrillation, b.Rhythm));
        Assert.All(laidAfter, b => Assert.Null(b.PWaveOnsetSample));
        var rate = 60.0 / EcgRun.RrSeconds([.. laidAfter.Select(b => b.RPeakSample)], 500).Average();
        Assert.InRange(rate, 105, 135);

        // ST in V2 of the AF beats, read against the f-wave-laden TQ level just before each QRS.
        var v2 = after;
        var jump = laidAfter.Skip(2).Where(b => b.TEndSample < 15000).Select(b =>
            v2[7][b.JPointSample + 30 - 5000] - v2[7][b.QrsOnsetSample - 5000]).Average();
        Assert.InRange(jump, 0.2, 0.4);
        Assert.True(before[7].Length == 5000);
    }

    [Fact]
    public void Forgetting_old_beats_keeps_the_recent_ground_truth_and_leaves_the_signal_alone()
    {
        var kept = new SyntheticEcg(Noisy);
        var trimmed = new SyntheticEcg(Noisy);
        var a1 = kept.Next(5000);
        var b1 = trimmed.Next(5000);
        trimmed.ForgetBeatsBefore(4000);
        var a2 = kept.Next(5000);
        var b2 = trimmed.Next(5000);

        Assert.Equal(a1[4], b1[4]);
        Assert.Equal(a2[4], b2[4]);
        Assert.Equal(kept.RPeaks.Where(r => r >= 4000), trimmed.RPeaks);
        Assert.Equal(kept.Beats.Where(b => b.RPeakSample >= 4000).Select(b => (b.QrsOnsetSample, b.JPointSample, b.TEndSample)), trimmed.Beats.Select(b => (b.QrsOnsetSample, b.JPointSample, b.TEndSample)));
        Assert.True(trimmed.RPeaks.Count < kept.RPeaks.Count);
    }

    [Fact]
    public void The_sampling_rate_cannot_change_in_an_update()
    {
        var ecg = new SyntheticEcg(new SyntheticEcgOptions());

        Assert.Throws<ArgumentException>(() => ecg.Update(ecg.Options with { SamplingRateHz = 250 }));
    }

    private static double PrSpread(float[] lead, SyntheticBeat beat) =>
        Window(lead, beat.PWaveEndSample!.Value, beat.QrsOnsetSample + 1).Select(v => (double)Math.Abs(v)).Max();

    private static IEnumerable<float> Window(float[] lead, long from, long to) =>
        lead.Skip((int)from).Take((int)(to - from));

    private static (double Cv, double NormalisedRmssd, double Lag1Autocorrelation) Irregularity(SyntheticEcgOptions options)
    {
        var run = EcgRun.Generate(options with { SamplingRateHz = 250 }, 300);
        var rr = EcgRun.RrSeconds(run.Generator.RPeaks, run.Rate);
        var mean = rr.Average();
        var sd = Math.Sqrt(rr.Select(r => (r - mean) * (r - mean)).Average());
        var rmssd = Math.Sqrt(rr.Zip(rr.Skip(1), (a, b) => (b - a) * (b - a)).Average());
        var lag1 = rr.Zip(rr.Skip(1), (a, b) => (a - mean) * (b - mean)).Average() / (sd * sd);
        return (sd / mean, rmssd / mean, lag1);
    }
}
