using System.Text.Json;
using EmergencyLink.Clinical.Analysis;
using EmergencyLink.Clinical.Ecg;
using EmergencyLink.Clinical.St;
using EmergencyLink.Clinical.Synthetic;
using EmergencyLink.Clinical.Wfdb;
using EmergencyLink.Domain.Alerts;

namespace EmergencyLink.Clinical.Tests.Analysis;

public sealed class RecordAnalyzerTests
{
    [Theory]
    [InlineData(SyntheticScenarios.StemiInferior, StemiTerritory.Inferior)]
    [InlineData(SyntheticScenarios.StemiAnterior, StemiTerritory.Anterior)]
    [InlineData(SyntheticScenarios.StemiLateral, StemiTerritory.Lateral)]
    public void A_twelve_lead_stemi_record_raises_one_stemi_alert_with_its_leads_and_both_st_values(string scenario, StemiTerritory territory)
    {
        var record = Records.Synthetic(scenario, 30, comments: ["Age: 64", "Sex: Male"]);

        var analysis = RecordAnalyzer.Analyze(record);

        Assert.Equal(new PatientDetails(PatientSex.Male, 64), analysis.Patient);
        Assert.True(analysis.Stemi!.Met);
        Assert.True(analysis.Stemi.Territories.HasFlag(territory), analysis.Stemi.Territories.ToString());
        Assert.Equal(3, analysis.StemiWindowsAssessed);
        var alert = Assert.Single(analysis.Alerts, a => a.Kind == AlertKind.Stemi);
        foreach (var lead in analysis.Stemi.ElevatedLeads)
        {
            var item = Assert.Single(alert.Evidence, e => e.Item == lead.Lead);
            Assert.Equal(Math.Round(lead.JPointMillivolts, 3), item.Value);
            Assert.Contains("J point", item.Finding, StringComparison.Ordinal);
            Assert.Contains("J+60", item.Finding, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void St_elevation_developing_late_in_a_long_record_raises_stemi_from_the_sustained_windows()
    {
        var record = Records.Sequence(500, (SyntheticScenarios.Stable, 60), (SyntheticScenarios.StemiInferior, 40));

        var analysis = RecordAnalyzer.Analyze(record);

        Assert.Equal(4, analysis.StemiWindowsMet);
        Assert.True(analysis.Stemi!.Met);
        Assert.Equal(StemiTerritory.Inferior, analysis.Stemi.Territories & StemiTerritory.Inferior);
        var alert = Assert.Single(analysis.Alerts, a => a.Kind == AlertKind.Stemi);
        Assert.Equal((60 * 500L, 100 * 500L), (alert.StartSample, alert.EndSample));
        Assert.Contains("consecutive windows", analysis.StemiNote, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_windows_of_st_elevation_in_a_long_record_are_counted_but_raise_no_alert()
    {
        var record = Records.Sequence(500, (SyntheticScenarios.Stable, 80), (SyntheticScenarios.StemiInferior, 20));

        var analysis = RecordAnalyzer.Analyze(record);

        Assert.Equal(2, analysis.StemiWindowsMet);
        Assert.False(analysis.Stemi!.Met);
        Assert.DoesNotContain(analysis.Alerts, a => a.Kind == AlertKind.Stemi);
    }

    [Fact]
    public void A_twelve_lead_record_without_st_change_is_assessed_and_raises_no_alert()
    {
        var record = Records.Synthetic(SyntheticScenarios.Stable, 20, comments: ["age: 50", "sex: female"]);

        var analysis = RecordAnalyzer.Analyze(record);

        Assert.True(analysis.Stemi!.Assessed);
        Assert.False(analysis.Stemi.Met);
        Assert.Empty(analysis.Alerts);
        Assert.Null(analysis.StemiNote);
        Assert.Equal(StandardLeads.All, analysis.St.Select(s => s.Lead));
    }

    [Fact]
    public void Unknown_sex_and_age_use_the_men_from_40_threshold_and_say_so()
    {
        var analysis = RecordAnalyzer.Analyze(Records.Synthetic(SyntheticScenarios.Stable, 10));

        Assert.Equal(PatientDetails.Unknown, analysis.Patient);
        Assert.Equal(0.2, analysis.Stemi!.V2V3ThresholdMillivolts, 9);
        Assert.True(analysis.Stemi.V2V3ThresholdAssumed);
        Assert.Contains("unknown", analysis.StemiNote, StringComparison.Ordinal);
        Assert.Contains("0.20 mV", analysis.StemiNote, StringComparison.Ordinal);
    }

    [Fact]
    public void A_two_lead_record_gets_beats_rhythm_and_st_but_no_stemi_assessment_and_says_which_leads_are_missing()
    {
        var record = Records.Synthetic(SyntheticScenarios.StemiInferior, 30, 360, ["MLII", "V5"]);

        var analysis = RecordAnalyzer.Analyze(record);

        Assert.Equal(["II", "V5"], analysis.QrsLeads);
        Assert.InRange(analysis.Beats.Count, 20, 40);
        Assert.NotNull(analysis.HeartRateBpm);
        Assert.Equal(["II", "V5"], analysis.St.Select(s => s.Lead));
        Assert.Null(analysis.Stemi);
        Assert.DoesNotContain(analysis.Alerts, a => a.Kind == AlertKind.Stemi);
        Assert.Contains("12 standard leads", analysis.StemiNote, StringComparison.Ordinal);
        Assert.Contains("aVF", analysis.StemiNote, StringComparison.Ordinal);
    }

    [Fact]
    public void Below_250_hz_st_is_not_measured_and_the_note_says_why()
    {
        var analysis = RecordAnalyzer.Analyze(Records.Synthetic(SyntheticScenarios.Stable, 20, 200));

        Assert.Empty(analysis.St);
        Assert.Null(analysis.Stemi);
        Assert.Contains("200 Hz", analysis.StNote, StringComparison.Ordinal);
        Assert.NotEmpty(analysis.Beats);
    }

    [Fact]
    public void Beats_agree_with_the_generated_r_peaks_and_the_mean_heart_rate_follows_from_them()
    {
        var patient = SyntheticScenarios.Create(SyntheticScenarios.Stable, seed: 3, samplingRateHz: 500, noise: false);
        var samples = patient.Ecg.Next(30 * 500);
        var record = new WfdbRecord("stable", 500, samples[0].Length,
            [.. SyntheticEcg.LeadNames.Select((n, i) => Records.Signal(n, samples[i]))], []);
        var truth = patient.Ecg.RPeaks.Where(p => p < samples[0].Length).ToArray();

        var analysis = RecordAnalyzer.Analyze(record);

        var score = BeatScore.Compare(truth, analysis.Beats, 75);
        Assert.Equal(0, score.FalseNegatives);
        Assert.Equal(0, score.FalsePositives);
        var expected = 60.0 * (analysis.Beats.Count - 1) * 500 / (analysis.Beats[^1] - analysis.Beats[0]);
        Assert.Equal(expected, analysis.HeartRateBpm!.Value, 6);
    }

    [Fact]
    public void Atrial_fibrillation_is_a_rhythm_episode_and_an_alert_with_its_times()
    {
        var analysis = RecordAnalyzer.Analyze(Records.Synthetic(SyntheticScenarios.AfRvr, 60));

        var episode = Assert.Single(analysis.RhythmEpisodes, e => e.Rhythm == RhythmKind.AtrialFibrillation);
        var alert = Assert.Single(analysis.Alerts, a => a.Kind == AlertKind.AtrialFibrillation);
        Assert.Equal((episode.StartSample, episode.EndSample), (alert.StartSample, alert.EndSample));
        Assert.Contains(alert.Evidence, e => e.Unit == "bpm");
    }

    [Fact]
    public void A_record_without_a_voltage_signal_is_rejected_with_a_clear_message()
    {
        var record = new WfdbRecord("bp", 250, 100, [Records.Signal("ABP", new float[100], "mmHg")], []);

        var error = Assert.Throws<ArgumentException>(() => RecordAnalyzer.Analyze(record));

        Assert.Contains("no ECG signal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_ecg_signals_are_left_out_of_the_qrs_detection()
    {
        var patient = SyntheticScenarios.Create(SyntheticScenarios.Stable, seed: 3, samplingRateHz: 250, noise: false);
        var samples = patient.Ecg.Next(20 * 250);
        var record = new WfdbRecord("mixed", 250, samples[0].Length,
            [Records.Signal("II", samples[1]), Records.Signal("ABP", new float[samples[0].Length], "mmHg"), Records.Signal("vx", samples[0])], []);

        var analysis = RecordAnalyzer.Analyze(record);

        Assert.Equal(["II"], analysis.QrsLeads);
    }

    [Fact]
    public void Unnamed_and_same_named_signals_are_analysed_under_names_of_their_own()
    {
        var patient = SyntheticScenarios.Create(SyntheticScenarios.Stable, seed: 3, samplingRateHz: 360, noise: false);
        var samples = patient.Ecg.Next(20 * 360);
        var record = new WfdbRecord("unnamed", 360, samples[0].Length,
            [Records.Signal("", samples[1]), Records.Signal("ECG", samples[6]), Records.Signal("ECG", samples[10])], []);

        var analysis = RecordAnalyzer.Analyze(record);

        Assert.Equal(["signal 1", "ECG", "ECG (3)"], analysis.QrsLeads);
        Assert.Equal(analysis.QrsLeads, analysis.St.Select(s => s.Lead));
        Assert.NotEmpty(analysis.Beats);
    }

    [Fact]
    public void The_json_has_the_documented_fields_with_lead_keyed_st_and_alert_evidence()
    {
        var analysis = RecordAnalyzer.Analyze(Records.Synthetic(SyntheticScenarios.StemiInferior, 20, comments: ["Age: 70", "Sex: Female"]));

        using var json = JsonDocument.Parse(RecordAnalysisJson.Write(analysis));
        var root = json.RootElement;

        Assert.Equal(500, root.GetProperty("samplingRate").GetDouble());
        Assert.Equal(analysis.Beats, root.GetProperty("beats").EnumerateArray().Select(b => b.GetInt64()));
        Assert.Equal(Math.Round(analysis.HeartRateBpm!.Value, 1), root.GetProperty("heartRate").GetDouble());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("rhythmEpisodes").ValueKind);
        var st = root.GetProperty("stMillivolts");
        Assert.Equal(StandardLeads.All, st.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Math.Round(analysis.St.Single(s => s.Lead == "III").J60Millivolts, 4), st.GetProperty("III").GetDouble());
        var alert = Assert.Single(root.GetProperty("alerts").EnumerateArray());
        Assert.Equal("Stemi", alert.GetProperty("kind").GetString());
        Assert.False(string.IsNullOrEmpty(alert.GetProperty("message").GetString()));
        Assert.Contains(alert.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("item").GetString() == "III");
        Assert.True(root.GetProperty("stemi").GetProperty("met").GetBoolean());
    }

    [Fact]
    public void The_json_writes_rhythm_codes_and_null_for_missing_numbers()
    {
        var analysis = RecordAnalyzer.Analyze(Records.Synthetic(SyntheticScenarios.AfRvr, 40, 200));

        using var json = JsonDocument.Parse(RecordAnalysisJson.Write(analysis));
        var root = json.RootElement;

        var episode = root.GetProperty("rhythmEpisodes").EnumerateArray().First(e => e.GetProperty("rhythm").GetString() == "AF");
        Assert.True(episode.GetProperty("endSample").GetInt64() > episode.GetProperty("startSample").GetInt64());
        Assert.Empty(root.GetProperty("stMillivolts").EnumerateObject());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("patient").GetProperty("age").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("stemi").GetProperty("v2v3ThresholdMillivolts").ValueKind);
        Assert.False(root.GetProperty("stemi").GetProperty("assessed").GetBoolean());
    }
}
