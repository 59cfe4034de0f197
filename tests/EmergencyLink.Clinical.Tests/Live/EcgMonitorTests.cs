using EmergencyLink.Clinical.Ecg;
using EmergencyLink.Clinical.Live;
using EmergencyLink.Clinical.St;
using EmergencyLink.Clinical.Synthetic;
using EmergencyLink.Domain.Alerts;

namespace EmergencyLink.Clinical.Tests.Live;

/// <summary>
/// The live ECG monitor driven by the synthetic patients, with the link's 40-ms frames (20 samples at 500 Hz) unless a
/// test says otherwise. Time bounds: STEMI needs two whole 10-s windows plus the detector's look-ahead (~0.6 s), so it
/// must come by 22 s; AF needs the rhythm window (16 RR intervals, ~7 s at 140/min) plus 30 s held, so by 45 s.
/// </summary>
public sealed class EcgMonitorTests
{
    private const int Rate = 500;
    private const int Frame = 20;

    [Theory]
    [InlineData(SyntheticScenarios.StemiInferior, StemiTerritory.Inferior, new[] { "II", "III", "aVF" }, new[] { "I", "aVL", "V1", "V2", "V3", "V4", "V5", "V6" })]
    [InlineData(SyntheticScenarios.StemiAnterior, StemiTerritory.Anterior, new[] { "V2", "V3" }, new[] { "II", "III", "aVF", "V6" })]
    [InlineData(SyntheticScenarios.StemiLateral, StemiTerritory.Lateral, new[] { "I", "aVL", "V5", "V6" }, new[] { "II", "III", "aVF", "V1", "V2", "V3" })]
    public void A_stemi_raises_exactly_one_alert_with_its_territory_and_leads_within_22_seconds(
        string scenario, StemiTerritory territory, string[] expectedLeads, string[] otherLeads)
    {
        var leads = MonitorRun.Generate(scenario, 60);
        var monitor = new EcgMonitor();

        var alerts = MonitorRun.Stream(monitor, leads, Rate, Frame);

        var (alert, at) = Assert.Single(alerts);
        Assert.Equal(AlertKind.Stemi, alert.Kind);
        Assert.Equal(EcgMonitor.Source, alert.Source);
        Assert.InRange(at, 20, 22);
        var evidenceTerritory = Enum.Parse<StemiTerritory>(alert.Evidence.Single(e => e.Item == "territory").Finding);
        Assert.True(evidenceTerritory.HasFlag(territory), evidenceTerritory.ToString());
        var elevated = MonitorRun.ElevatedLeads(alert);
        Assert.All(expectedLeads, l => Assert.Contains(l, elevated));
        Assert.All(otherLeads, l => Assert.DoesNotContain(l, elevated));
        Assert.All(alert.Evidence.Where(e => elevated.Contains(e.Item)), e => Assert.True(e.Value >= 0.1, $"{e.Item} {e.Value}"));
        Assert.Contains("2.0 mm", alert.Evidence.Single(e => e.Item == "V2–V3 threshold").Finding);
        Assert.Contains("not recorded", alert.Evidence.Single(e => e.Item == "V2–V3 threshold").Finding);

        // Observed at the start of the first of the two windows: the stream's start.
        Assert.Equal(MonitorRun.T0, alert.ObservedAt);
        Assert.True(monitor.LatestStemi!.Met);
        Assert.InRange(monitor.HeartRateBpm!.Value, 40, 140);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(21)]
    public void A_normal_patient_streamed_for_five_minutes_raises_nothing(int seed)
    {
        var leads = MonitorRun.Generate(SyntheticScenarios.Stable, 300, seed: seed);
        var monitor = new EcgMonitor();

        var alerts = MonitorRun.Stream(monitor, leads, Rate, Frame);

        Assert.Empty(alerts);
        Assert.Equal(29, monitor.WindowsMeasured);
        Assert.False(monitor.LatestStemi!.Met);
        Assert.DoesNotContain(RhythmKind.AtrialFibrillation, monitor.OngoingRhythms);
        Assert.InRange(monitor.HeartRateBpm!.Value, 55, 95);
    }

    /// <summary>
    /// Seeds 103 and 107 each raised a false AF alert within five minutes in one of these scenarios before the
    /// detector rejected smooth (respiratory, Mayer-wave) modulation of the sinus rate.
    /// </summary>
    [Theory]
    [InlineData(SyntheticScenarios.Stroke, 103)]
    [InlineData(SyntheticScenarios.Stroke, 107)]
    [InlineData(SyntheticScenarios.StemiAnterior, 103)]
    [InlineData(SyntheticScenarios.StemiAnterior, 111)]
    [InlineData(SyntheticScenarios.AsthmaImproving, 103)]
    [InlineData(SyntheticScenarios.AsthmaImproving, 107)]
    public void Sinus_arrhythmia_over_five_minutes_raises_no_af(string scenario, int seed)
    {
        var alerts = MonitorRun.Stream(new EcgMonitor(), MonitorRun.Generate(scenario, 300, seed: seed), Rate, Frame);

        Assert.DoesNotContain(alerts, a => a.Alert.Kind == AlertKind.AtrialFibrillation);
    }

    [Theory]
    [InlineData(SyntheticScenarios.Sepsis)]
    [InlineData(SyntheticScenarios.Bradycardia)]
    [InlineData(SyntheticScenarios.AsthmaImproving)]
    public void Sinus_rhythm_at_any_rate_raises_no_af(string scenario)
    {
        var leads = MonitorRun.Generate(scenario, 120, seed: 3);
        var monitor = new EcgMonitor();

        var alerts = MonitorRun.Stream(monitor, leads, Rate, Frame);

        Assert.DoesNotContain(alerts, a => a.Alert.Kind == AlertKind.AtrialFibrillation);
        Assert.DoesNotContain(alerts, a => a.Alert.Kind == AlertKind.Stemi);
    }

    [Fact]
    public void Af_raises_one_alert_with_rr_irregularity_and_onset_within_45_seconds()
    {
        var leads = MonitorRun.Generate(SyntheticScenarios.AfRvr, 90, seed: 8);
        var monitor = new EcgMonitor();

        var alerts = MonitorRun.Stream(monitor, leads, Rate, Frame);

        var (alert, at) = Assert.Single(alerts);
        Assert.Equal(AlertKind.AtrialFibrillation, alert.Kind);
        Assert.InRange(at, 30, 45);
        var irregularity = alert.Evidence.Single(e => e.Item == "RR irregularity");
        Assert.True(irregularity.Value > 0.1, irregularity.Finding);
        Assert.InRange(alert.Evidence.Single(e => e.Item == "ventricular rate").Value!.Value, 110, 180);
        Assert.True(alert.Evidence.Single(e => e.Item == "duration").Value >= 30);

        // In AF from the first beat: the onset is before monitoring and the alert says so rather than inventing one.
        Assert.Contains("since monitoring began", alert.Summary);
        Assert.InRange(alert.ObservedAt, MonitorRun.T0, MonitorRun.T0.AddSeconds(2));
        Assert.Contains(RhythmKind.AtrialFibrillation, monitor.OngoingRhythms);
    }

    [Fact]
    public void Af_starting_during_monitoring_is_raised_with_its_onset_time()
    {
        var patient = SyntheticScenarios.Create(SyntheticScenarios.Stable, 4, Rate);
        patient.Ecg.Update(patient.Ecg.Options with { HeartRateVariabilityMs = 15 });
        var sinus = patient.Ecg.Next(40 * Rate);
        patient.Ecg.Update(patient.Ecg.Options with { Rhythm = SyntheticRhythm.AtrialFibrillation, HeartRateBpm = 130 });
        var af = patient.Ecg.Next(60 * Rate);
        var leads = sinus.Zip(af, (a, b) => a.Concat(b).ToArray()).ToArray();
        var monitor = new EcgMonitor();

        var alerts = MonitorRun.Stream(monitor, leads, Rate, Frame);

        var (alert, at) = Assert.Single(alerts);
        Assert.Equal(AlertKind.AtrialFibrillation, alert.Kind);
        Assert.InRange(alert.ObservedAt, MonitorRun.T0.AddSeconds(36), MonitorRun.T0.AddSeconds(44));
        Assert.Contains("new onset", alert.Summary);
        Assert.InRange(at, 70, 85);
    }

    [Fact]
    public void St_elevation_in_one_window_only_is_a_transient_and_never_alerts()
    {
        var patient = SyntheticScenarios.Create(SyntheticScenarios.StemiInferior, 6, Rate);
        var elevated = patient.Ecg.Next(10 * Rate);
        patient.Ecg.Update(patient.Ecg.Options with { StElevation = null });
        var settled = patient.Ecg.Next(50 * Rate);
        var leads = elevated.Zip(settled, (a, b) => a.Concat(b).ToArray()).ToArray();
        var monitor = new EcgMonitor();

        var alerts = MonitorRun.Stream(monitor, leads, Rate, Frame);

        Assert.Empty(alerts);
        Assert.Equal(5, monitor.WindowsMeasured);
    }

    [Fact]
    public void Af_that_lasts_under_thirty_seconds_never_alerts()
    {
        // Sinus with 15 ms of heart-rate variability, so the only irregular stretch is the 20 s of AF.
        var patient = SyntheticScenarios.Create(SyntheticScenarios.Stable, 9, Rate);
        patient.Ecg.Update(patient.Ecg.Options with { HeartRateVariabilityMs = 15 });
        var sinus = patient.Ecg.Next(20 * Rate);
        patient.Ecg.Update(patient.Ecg.Options with { Rhythm = SyntheticRhythm.AtrialFibrillation, HeartRateBpm = 120 });
        var af = patient.Ecg.Next(20 * Rate);
        patient.Ecg.Update(patient.Ecg.Options with { Rhythm = SyntheticRhythm.Sinus, HeartRateBpm = 75 });
        var back = patient.Ecg.Next(40 * Rate);
        var leads = sinus.Zip(af, (a, b) => a.Concat(b).ToArray()).Zip(back, (a, b) => a.Concat(b).ToArray()).ToArray();
        var monitor = new EcgMonitor();

        var alerts = MonitorRun.Stream(monitor, leads, Rate, Frame);

        Assert.Empty(alerts);
    }

    [Fact]
    public void Frame_size_does_not_change_what_is_raised_or_its_evidence()
    {
        var stemi = MonitorRun.Generate(SyntheticScenarios.StemiAnterior, 30, seed: 12);
        var af = MonitorRun.Generate(SyntheticScenarios.AfRvr, 50, seed: 13);
        string Run(float[][] leads, int frame) => string.Join("\n", MonitorRun.Stream(new EcgMonitor(), leads, Rate, frame)
            .Select(a => $"{a.Alert.Kind} {a.Alert.ObservedAt:O} {a.Alert.Summary} {string.Join("; ", a.Alert.Evidence)}"));

        var expectedStemi = Run(stemi, Frame);
        var expectedAf = Run(af, Frame);

        Assert.Contains("Stemi", expectedStemi);
        Assert.Contains("AtrialFibrillation", expectedAf);
        foreach (var frame in new[] { 1, 7, 128, 500, 2500 })
        {
            Assert.Equal(expectedStemi, Run(stemi, frame));
            Assert.Equal(expectedAf, Run(af, frame));
        }
    }

    [Theory]
    [InlineData(250)]
    [InlineData(1000)]
    public void A_stemi_is_found_at_other_sampling_rates(int rate)
    {
        var leads = MonitorRun.Generate(SyntheticScenarios.StemiInferior, 30, rate);

        var alerts = MonitorRun.Stream(new EcgMonitor(), leads, rate, rate / 25);

        var (alert, _) = Assert.Single(alerts);
        Assert.Equal(AlertKind.Stemi, alert.Kind);
        Assert.Contains("III", MonitorRun.ElevatedLeads(alert));
    }

    [Fact]
    public void At_128_hz_rhythm_is_analysed_but_st_is_not_measured()
    {
        var leads = MonitorRun.Generate(SyntheticScenarios.AfRvr, 60, 128);
        var monitor = new EcgMonitor();

        var alerts = MonitorRun.Stream(monitor, leads, 128, 5);

        Assert.False(monitor.MeasuresSt);
        Assert.Equal(0, monitor.WindowsMeasured);
        Assert.Equal(AlertKind.AtrialFibrillation, Assert.Single(alerts).Alert.Kind);
    }

    [Fact]
    public void A_lost_frame_is_bridged_but_a_coverage_hole_restarts_the_count_of_consecutive_windows()
    {
        var leads = MonitorRun.Generate(SyntheticScenarios.StemiInferior, 60, seed: 14);
        var bridged = new EcgMonitor();
        var first = MonitorRun.Stream(bridged, leads, Rate, Frame, 0, 5000);
        var second = MonitorRun.Stream(bridged, leads, Rate, Frame, 5000 + Frame, 15_000);

        Assert.Empty(first);
        Assert.Equal(AlertKind.Stemi, Assert.Single(second).Alert.Kind);
        Assert.Equal(0, bridged.Restarts);

        // 8 s missing after the first window: the next two whole windows start at 18 s, so the alert comes at 38 s.
        var holed = new EcgMonitor();
        Assert.Empty(MonitorRun.Stream(holed, leads, Rate, Frame, 0, 5600));
        var after = MonitorRun.Stream(holed, leads, Rate, Frame, 9000, 30_000);
        var (alert, at) = Assert.Single(after);
        Assert.Equal(1, holed.Restarts);
        Assert.InRange(at, 38, 39.5);
        Assert.Equal(MonitorRun.T0.AddSeconds(18), alert.ObservedAt);
    }

    [Fact]
    public void A_source_that_starts_counting_samples_again_is_a_new_stream_and_an_old_frame_is_ignored()
    {
        var leads = MonitorRun.Generate(SyntheticScenarios.StemiInferior, 40, seed: 16);
        var monitor = new EcgMonitor();
        Assert.Empty(MonitorRun.Stream(monitor, leads, Rate, Frame, 0, 20 * Rate, sampleOffset: 100_000));

        // A frame repeated from just behind is dropped; the stream then restarts its count at 0 (a gateway restart).
        MonitorRun.Stream(monitor, leads, Rate, Frame, 20 * Rate - (2 * Frame), 20 * Rate - Frame, sampleOffset: 100_000);
        Assert.Equal(1, monitor.Ignored);
        var alerts = MonitorRun.Stream(monitor, leads, Rate, Frame, 0, 30 * Rate);

        Assert.Equal(1, monitor.Restarts);
        Assert.Equal(AlertKind.Stemi, Assert.Single(alerts).Alert.Kind);
    }

    [Fact]
    public void A_recording_that_ends_just_after_its_second_window_gives_its_alert_when_completed()
    {
        // 20 s exactly: the second window's last beats are still inside the detector's look-ahead when the data ends.
        var leads = MonitorRun.Generate(SyntheticScenarios.StemiLateral, 20, seed: 17);
        var monitor = new EcgMonitor(new EcgMonitorOptions { LeadNames = SyntheticEcg.LeadNames });

        Assert.Empty(MonitorRun.Stream(monitor, leads, Rate, Frame));
        var completed = monitor.Complete();

        Assert.Equal(AlertKind.Stemi, Assert.Single(completed).Kind);
        Assert.Equal(2, monitor.WindowsMeasured);
        Assert.Empty(monitor.Complete());
    }

    [Fact]
    public void A_known_woman_is_held_to_the_womens_v2_v3_threshold()
    {
        var leads = MonitorRun.Generate(SyntheticScenarios.StemiAnterior, 25, seed: 15);

        var alerts = MonitorRun.Stream(new EcgMonitor(new EcgMonitorOptions { Sex = PatientSex.Female, AgeYears = 62 }), leads, Rate, Frame);

        var threshold = Assert.Single(alerts).Alert.Evidence.Single(e => e.Item == "V2–V3 threshold");
        Assert.Equal(0.15, threshold.Value!.Value, 6);
        Assert.Contains("Female, age 62", threshold.Finding);
    }
}
