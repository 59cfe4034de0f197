using EmergencyLink.Clinical.St;
using Xunit.Abstractions;

namespace EmergencyLink.Clinical.Tests.St;

public sealed class StAnalyzerTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, double> Plateaus = new()
    {
        ["I"] = 0.05, ["II"] = 0.22, ["III"] = 0.18, ["aVR"] = -0.12, ["aVL"] = -0.10, ["aVF"] = 0.20,
        ["V1"] = 0.00, ["V2"] = 0.12, ["V3"] = 0.09, ["V4"] = 0.11, ["V5"] = -0.06, ["V6"] = 0.03,
    };

    [Theory]
    [InlineData(250)]
    [InlineData(500)]
    [InlineData(1000)]
    public void Measures_the_known_st_plateau_of_every_lead_within_0_05_mV_despite_noise_and_wander(double rate)
    {
        var ecg = new SyntheticEcg(rate)
        {
            Beats = SyntheticEcg.Regular(72, 10),
            StMillivolts = Plateaus,
            NoiseMillivolts = 0.025,
            WanderMillivolts = 0.3,
            MainsMillivolts = 0.02,
        };
        var (leads, peaks) = ecg.Build();

        var measurement = new StAnalyzer(ecg.LeadNames, rate).MeasureWindow(leads, peaks, 0);

        Report(measurement, ecg);
        Assert.True(measurement.IsReliable, measurement.Quality.ToString());
        Assert.Equal(12, measurement.Leads.Count);
        foreach (var lead in measurement.Leads)
        {
            Assert.InRange(lead.StMillivolts - ecg.St(lead.Lead), -0.05, 0.05);
        }
    }

    [Theory]
    [InlineData(250)]
    [InlineData(500)]
    [InlineData(1000)]
    public void Reads_the_j_point_on_the_st_plateau_of_every_lead_within_0_05_mV_despite_noise_and_wander(double rate)
    {
        var ecg = new SyntheticEcg(rate)
        {
            Beats = SyntheticEcg.Regular(72, 10),
            StMillivolts = Plateaus,
            NoiseMillivolts = 0.025,
            WanderMillivolts = 0.3,
            MainsMillivolts = 0.02,
        };
        var (leads, peaks) = ecg.Build();

        var measurement = new StAnalyzer(ecg.LeadNames, rate).MeasureWindow(leads, peaks, 0);

        Assert.True(measurement.IsReliable, measurement.Quality.ToString());
        foreach (var lead in measurement.Leads)
        {
            Assert.InRange(lead.JPointMillivolts!.Value - ecg.St(lead.Lead), -0.05, 0.05);
            Assert.False(lead.IsJPointNoisy, lead.Lead);
        }
    }

    [Fact]
    public void The_j_point_noise_estimate_exceeds_the_j_plus_60_one_which_averages_twice_as_long_and_flags_noisy_leads()
    {
        var ecg = new SyntheticEcg(500)
        {
            Beats = SyntheticEcg.Regular(72, 10),
            StMillivolts = Plateaus,
            NoiseMillivolts = 0.1,
        };
        var (leads, peaks) = ecg.Build();

        var measurement = new StAnalyzer(ecg.LeadNames, 500).MeasureWindow(leads, peaks, 0);

        Report(measurement, ecg);
        // Each lead's estimate from 8 beats scatters, so the comparison is over the 12 leads.
        var atJ = measurement.Leads.Select(l => l.JPointNoiseMillivolts!.Value).Order().ToArray();
        var atJ60 = measurement.Leads.Select(l => l.NoiseMillivolts).Order().ToArray();
        Assert.True(atJ[6] > atJ60[6], $"median J {atJ[6]:F4} vs J+60 {atJ60[6]:F4}");
        Assert.All(measurement.Leads, lead => Assert.Equal(lead.JPointNoiseMillivolts > 0.025, lead.IsJPointNoisy));
        Assert.Contains(measurement.Leads, l => l.IsJPointNoisy);
    }

    [Fact]
    public void Premature_ventricular_beats_do_not_change_the_median_beat_beyond_0_02_mV()
    {
        // Every fourth beat a PVC at 60 % of the RR with a full compensatory pause; the reference has the same sinus
        // beats and noise with the PVCs left out.
        var withPvcs = Rhythm(every: 4, coupling: 0.6, SyntheticBeatKind.Ventricular, keepEctopics: true);
        var reference = Rhythm(every: 4, coupling: 0.6, SyntheticBeatKind.Ventricular, keepEctopics: false);
        var st = new Dictionary<string, double> { ["II"] = 0.15, ["III"] = 0.2, ["aVF"] = 0.18, ["aVL"] = -0.1 };

        var measured = Measure(500, withPvcs, st);
        var expected = Measure(500, reference, st);

        Report(measured.Measurement, measured.Ecg);
        Assert.True(measured.Measurement.IsReliable, measured.Measurement.Quality.ToString());
        Assert.Equal(withPvcs.Count, measured.Measurement.BeatsInWindow);
        Assert.Equal(reference.Count, measured.Measurement.BeatsUsed);
        // From the beat's start to J+100 ms (P, QRS, ST) within 0.02 mV; the last samples of the whole beat, on the T
        // wave's end, hold the onset of the next PVC in a third of the beats and may move by a little more.
        var median = measured.Measurement.MedianBeat!;
        var stEnd = median.RPeakIndex + (int)((measured.Measurement.JPointMs!.Value + 100) * 500 / 1000);
        Assert.InRange(MaxDifference(median, expected.Measurement.MedianBeat!, 0, stEnd), 0, 0.02);
        Assert.InRange(MaxDifference(median, expected.Measurement.MedianBeat!, 0, median.Leads[0].Length), 0, 0.05);
        foreach (var lead in measured.Measurement.Leads)
        {
            Assert.InRange(lead.StMillivolts - measured.Ecg.St(lead.Lead), -0.05, 0.05);
        }
    }

    [Fact]
    public void Wide_beats_at_a_normal_rr_are_excluded_by_their_shape()
    {
        var beats = Rhythm(every: 3, coupling: 1.0, SyntheticBeatKind.Ventricular, keepEctopics: true);
        var st = new Dictionary<string, double> { ["V2"] = 0.3, ["V3"] = 0.35, ["V4"] = 0.2 };

        var (measurement, ecg) = Measure(500, beats, st);

        Report(measurement, ecg);
        Assert.True(measurement.IsReliable, measurement.Quality.ToString());
        Assert.Equal(beats.Count, measurement.BeatsInWindow);
        Assert.Equal(beats.Count(b => b.Kind == SyntheticBeatKind.Normal), measurement.BeatsUsed);
        foreach (var lead in measurement.Leads)
        {
            Assert.InRange(lead.StMillivolts - ecg.St(lead.Lead), -0.05, 0.05);
        }
    }

    [Fact]
    public void Premature_beats_of_normal_shape_are_excluded_by_their_rr()
    {
        // Premature sinus-shaped beats whose P wave and PR segment fall on the previous T wave.
        var beats = Rhythm(every: 4, coupling: 0.6, SyntheticBeatKind.Normal, keepEctopics: true, compensatory: false);
        var st = new Dictionary<string, double> { ["I"] = 0.12, ["aVL"] = 0.15, ["V5"] = 0.1, ["V6"] = 0.12 };

        var (measurement, ecg) = Measure(500, beats, st);

        Report(measurement, ecg);
        Assert.True(measurement.IsReliable, measurement.Quality.ToString());
        Assert.Equal(beats.Count, measurement.BeatsInWindow);
        var premature = beats.Skip(1).Where((b, i) => b.RPeakSeconds - beats[i].RPeakSeconds < 0.7 * 0.8).Count();
        Assert.Equal(beats.Count / 4, premature);
        Assert.Equal(beats.Count - premature, measurement.BeatsUsed);
        foreach (var lead in measurement.Leads)
        {
            Assert.InRange(lead.StMillivolts - ecg.St(lead.Lead), -0.05, 0.05);
        }
    }

    [Fact]
    public void Finds_qrs_onset_before_the_q_wave_and_the_j_point_after_the_s_wave()
    {
        var (measurement, _) = Measure(1000, SyntheticEcg.Regular(70, 10), new Dictionary<string, double>());

        // The synthetic q wave peaks at -28 ms (sigma 7 ms) and the s wave at +28 ms (sigma 8 ms): visible activity
        // spans about -49 to +52 ms (3 sigma), and the R peak alone would give -30 to +30 ms.
        Assert.InRange(measurement.QrsOnsetMs!.Value, -55, -38);
        Assert.InRange(measurement.JPointMs!.Value, 42, 62);
    }

    [Fact]
    public void Beats_whose_r_peak_marks_jitter_by_8_ms_are_aligned_on_their_qrs()
    {
        var ecg = new SyntheticEcg(500)
        {
            Beats = SyntheticEcg.Regular(75, 10),
            StMillivolts = Plateaus,
            NoiseMillivolts = 0.02,
            WanderMillivolts = 0.2,
            RPeakJitterMilliseconds = 8,
        };
        var (leads, peaks) = ecg.Build();
        var exact = new SyntheticEcg(500) { Beats = ecg.Beats, StMillivolts = Plateaus };
        var (exactLeads, exactPeaks) = exact.Build();
        var analyzer = new StAnalyzer(ecg.LeadNames, 500);

        var measurement = analyzer.MeasureWindow(leads, peaks, 0);
        var reference = analyzer.MeasureWindow(exactLeads, exactPeaks, 0);

        Report(measurement, ecg);
        Assert.True(measurement.IsReliable, measurement.Quality.ToString());
        Assert.Equal(measurement.BeatsInWindow, measurement.BeatsUsed);
        Assert.InRange(measurement.QrsOnsetMs!.Value - reference.QrsOnsetMs!.Value, -4, 4);
        Assert.InRange(measurement.JPointMs!.Value - reference.JPointMs!.Value, -4, 4);
        foreach (var lead in measurement.Leads)
        {
            Assert.InRange(lead.StMillivolts - ecg.St(lead.Lead), -0.05, 0.05);
        }
    }

    [Fact]
    public void Too_few_beats_make_the_window_unreliable_and_never_raise_a_stemi()
    {
        var st = new Dictionary<string, double> { ["II"] = 0.3, ["III"] = 0.35, ["aVF"] = 0.3 };
        var ecg = new SyntheticEcg(500) { Beats = SyntheticEcg.Regular(72, 10), StMillivolts = st, NoiseMillivolts = 0.01 };
        var (leads, peaks) = ecg.Build();
        var analyzer = new StAnalyzer(ecg.LeadNames, 500);

        var fourBeats = analyzer.MeasureWindow(leads, peaks.Skip(3).Take(4).ToArray(), 0);
        var noBeats = analyzer.MeasureWindow(leads, [], 0);

        Assert.Equal(4, fourBeats.BeatsUsed);
        Assert.True(fourBeats.Quality.HasFlag(StQuality.TooFewBeats));
        Assert.False(fourBeats.IsReliable);
        Assert.False(StemiCriteria.Assess(fourBeats, PatientSex.Male, 60).Met);
        Assert.Equal(StQuality.TooFewBeats, noBeats.Quality);
        Assert.Empty(noBeats.Leads);
        Assert.Null(noBeats.MedianBeat);
        Assert.False(StemiCriteria.Assess(noBeats, PatientSex.Male, 60).Met);
        Assert.True(StemiCriteria.Assess(analyzer.MeasureWindow(leads, peaks, 0), PatientSex.Male, 60).Met);
    }

    [Fact]
    public void Heavy_muscle_noise_flags_the_window_noisy_and_never_raises_a_stemi()
    {
        var st = new Dictionary<string, double> { ["V2"] = 0.4, ["V3"] = 0.45, ["V4"] = 0.3 };

        var (noisy, _) = Measure(500, SyntheticEcg.Regular(72, 10), st, noise: 0.3, wander: 0.3);
        var (clean, _) = Measure(500, SyntheticEcg.Regular(72, 10), st);

        Assert.True(noisy.Quality.HasFlag(StQuality.Noisy), noisy.Quality.ToString());
        Assert.True(noisy.Leads.Count(l => l.IsNoisy) > 3);
        Assert.False(StemiCriteria.Assess(noisy, PatientSex.Male, 60).Met);
        Assert.True(clean.IsReliable);
        Assert.DoesNotContain(clean.Leads, l => l.IsNoisy);
        Assert.True(StemiCriteria.Assess(clean, PatientSex.Male, 60).Met);
    }

    [Fact]
    public void Raises_an_inferior_stemi_with_reciprocal_depression_from_a_measured_ecg()
    {
        var st = new Dictionary<string, double>
        {
            ["II"] = 0.25, ["III"] = 0.3, ["aVF"] = 0.28, ["I"] = -0.08, ["aVL"] = -0.15, ["aVR"] = -0.08,
        };

        var (measurement, _) = Measure(500, SyntheticEcg.Regular(80, 10), st, noise: 0.025, wander: 0.3);
        var assessment = StemiCriteria.Assess(measurement, PatientSex.Female, 71);

        Assert.True(assessment.Met);
        Assert.Equal(StemiTerritory.Inferior, assessment.Territories);
        Assert.Equal(["II", "III", "aVF"], assessment.ElevatedLeads.Select(e => e.Lead));
        Assert.Equal(["I", "aVL"], assessment.ReciprocalDepression.Select(r => r.Lead));
    }

    [Theory]
    [InlineData(250)]
    [InlineData(500)]
    [InlineData(1000)]
    public void A_normal_ecg_with_noise_and_wander_raises_no_stemi(double rate)
    {
        var (measurement, _) = Measure(rate, SyntheticEcg.Regular(65, 10), new Dictionary<string, double>(),
            noise: 0.025, wander: 0.3);

        var assessment = StemiCriteria.Assess(measurement, PatientSex.Female, 50);

        Assert.True(assessment.Assessed);
        Assert.False(assessment.Met);
        Assert.Empty(assessment.ElevatedLeads);
    }

    [Fact]
    public void Reports_the_heart_rate_of_the_dominant_beats()
    {
        var (measurement, _) = Measure(500, SyntheticEcg.Regular(96, 10), new Dictionary<string, double>());

        Assert.InRange(measurement.HeartRateBpm!.Value, 95, 97);
    }

    [Fact]
    public void Measures_a_30_s_recording_as_three_consecutive_10_s_windows()
    {
        var ecg = new SyntheticEcg(500, 30) { Beats = SyntheticEcg.Regular(70, 30), StMillivolts = Plateaus, NoiseMillivolts = 0.02 };
        var (leads, peaks) = ecg.Build();

        var windows = new StAnalyzer(ecg.LeadNames, 500).Measure(leads, peaks.Reverse().ToArray());

        Assert.Equal([(0L, 5000L), (5000L, 10000L), (10000L, 15000L)], windows.Select(w => (w.WindowStartSample, w.WindowEndSample)));
        Assert.All(windows, w => Assert.True(w.IsReliable));
        Assert.All(windows, w => Assert.InRange(w.Lead("II")!.StMillivolts, 0.17, 0.27));
    }

    [Fact]
    public void Accepts_lead_names_in_any_case_and_reports_them_conventionally_spelled()
    {
        string[] ptbNames = ["i", "ii", "iii", "avr", "avl", "avf", "v1", "v2", "v3", "v4", "v5", "v6"];
        var ecg = new SyntheticEcg(1000) { Beats = SyntheticEcg.Regular(70, 10), StMillivolts = Plateaus, NoiseMillivolts = 0.01 };
        var (leads, peaks) = ecg.Build();
        var analyzer = new StAnalyzer(ptbNames, 1000);

        var measurement = analyzer.MeasureWindow(leads, peaks, 0);

        Assert.Equal(StandardLeads.All, analyzer.LeadNames);
        Assert.Equal(StandardLeads.All, measurement.Leads.Select(l => l.Lead));
        Assert.Same(measurement.Lead("aVR"), measurement.Lead("AVR"));
        Assert.InRange(measurement.Lead(StandardLead.AVR)!.StMillivolts, -0.17, -0.07);
    }

    [Fact]
    public void Rejects_duplicate_leads_mismatched_signals_and_sampling_rates_outside_250_to_1000_hz()
    {
        Assert.Throws<ArgumentException>(() => new StAnalyzer(["I", "ii", "II"], 500));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StAnalyzer(["I", "II"], 200));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StAnalyzer(["I", "II"], 1200));
        var analyzer = new StAnalyzer(["I", "II"], 500);
        Assert.Throws<ArgumentException>(() => analyzer.Measure([new float[5000]], []));
        Assert.Throws<ArgumentException>(() => analyzer.Measure([new float[5000], new float[4999]], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => analyzer.MeasureWindow([new float[5000], new float[5000]], [], 1));
    }

    /// <summary>
    /// Sinus rhythm at 75 bpm from 0.35 s to 9.5 s (so every beat lies wholly in the 10-s window) with every
    /// <paramref name="every"/>th beat replaced by an ectopic one at <paramref name="coupling"/> of the RR. With a
    /// compensatory pause the sinus rhythm continues undisturbed; without, it restarts from the ectopic beat.
    /// </summary>
    private static IReadOnlyList<SyntheticBeat> Rhythm(
        int every, double coupling, SyntheticBeatKind ectopic, bool keepEctopics, bool compensatory = true)
    {
        const double rr = 0.8;
        var beats = new List<SyntheticBeat>();
        var previous = 0.35 - rr;
        for (var n = 1; previous + rr <= 9.5; n++)
        {
            if (n % every != 0)
            {
                previous += rr;
                beats.Add(new SyntheticBeat(previous));
                continue;
            }

            var at = previous + coupling * rr;
            if (keepEctopics)
            {
                beats.Add(new SyntheticBeat(at, ectopic));
            }

            previous = compensatory ? previous + rr : at;
        }

        return beats;
    }

    private static (StMeasurement Measurement, SyntheticEcg Ecg) Measure(
        double rate, IReadOnlyList<SyntheticBeat> beats, IReadOnlyDictionary<string, double> st,
        double noise = 0.01, double wander = 0.2)
    {
        var ecg = new SyntheticEcg(rate) { Beats = beats, StMillivolts = st, NoiseMillivolts = noise, WanderMillivolts = wander };
        var (leads, peaks) = ecg.Build();
        return (new StAnalyzer(ecg.LeadNames, rate).MeasureWindow(leads, peaks, 0), ecg);
    }

    private static double MaxDifference(MedianBeat a, MedianBeat b, int from, int to)
    {
        Assert.Equal(a.RPeakIndex, b.RPeakIndex);
        var max = 0.0;
        for (var lead = 0; lead < a.Leads.Count; lead++)
        {
            for (var n = from; n < to; n++)
            {
                max = Math.Max(max, Math.Abs(a.Leads[lead][n] - b.Leads[lead][n]));
            }
        }

        return max;
    }

    private void Report(StMeasurement m, SyntheticEcg ecg)
    {
        output.WriteLine($"quality {m.Quality} beats {m.BeatsUsed}/{m.BeatsInWindow} hr {m.HeartRateBpm:F1} onset {m.QrsOnsetMs:F1} J {m.JPointMs:F1}");
        foreach (var lead in m.Leads)
        {
            output.WriteLine($"{lead.Lead,-4} st {lead.StMillivolts,7:F4} (true {ecg.St(lead.Lead),5:F2}, err {lead.StMillivolts - ecg.St(lead.Lead),7:F4}) j {lead.JPointMillivolts,7:F4} se {lead.NoiseMillivolts:F4}");
        }
    }
}
