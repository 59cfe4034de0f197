using EmergencyLink.Clinical.Synthetic;

namespace EmergencyLink.Clinical.Tests.Synthetic;

public sealed class SyntheticScenariosTests
{
    public static TheoryData<string> AllNames() => [.. SyntheticScenarios.Names];

    [Theory]
    [MemberData(nameof(AllNames))]
    public void Every_named_patient_streams_12_leads_with_beats_and_vitals_at_its_own_rate(string name)
    {
        var patient = SyntheticScenarios.Create(name, seed: 1, samplingRateHz: 250);
        var buffer = Enumerable.Range(0, SyntheticEcg.LeadCount).Select(_ => new float[250]).ToArray();
        var vitals = new List<SyntheticVitalsSample>();
        for (var s = 0; s < 30; s++)
        {
            patient.Ecg.Fill(buffer, 250);
            vitals.Add(patient.NextVitals());
        }

        Assert.Equal(name, patient.Name);
        Assert.All(buffer, lead => Assert.True(lead.Max() - lead.Min() > 0.2));
        var beats = patient.Ecg.RPeaks.Count(r => r >= 10 * 250) / (20.0 / 60);
        var shown = vitals.Skip(10).Average(v => v.HeartRate!.Value);
        Assert.InRange(shown, beats * 0.85, beats * 1.15);
        Assert.InRange(shown, patient.Vitals.Options.Start.HeartRate * 0.8, patient.Vitals.Options.Start.HeartRate * 1.2);
    }

    [Fact]
    public void The_STEMI_patients_carry_ST_elevation_in_their_own_territory()
    {
        var inferior = SyntheticScenarios.Create(SyntheticScenarios.StemiInferior, 1, 500, noise: false).Ecg.StOffsetMillivolts;
        var anterior = SyntheticScenarios.Create(SyntheticScenarios.StemiAnterior, 1, 500, noise: false).Ecg.StOffsetMillivolts;
        var lateral = SyntheticScenarios.Create(SyntheticScenarios.StemiLateral, 1, 500, noise: false).Ecg.StOffsetMillivolts;
        var stable = SyntheticScenarios.Create(SyntheticScenarios.Stable, 1, 500, noise: false).Ecg.StOffsetMillivolts;

        Assert.Equal("III", inferior.MaxBy(p => p.Value).Key);
        Assert.Contains(anterior.MaxBy(p => p.Value).Key, new[] { "V2", "V3" });
        Assert.Contains(lateral.MaxBy(p => p.Value).Key, new[] { "I", "V6" });
        Assert.True(inferior["aVL"] < 0 && anterior["III"] < 0 && lateral["III"] < 0);
        Assert.All(stable.Values, v => Assert.Equal(0, v));
    }

    [Fact]
    public void The_rhythm_and_haemodynamic_presets_look_like_their_names()
    {
        var af = SyntheticScenarios.Create(SyntheticScenarios.AfRvr, 2, 250);
        var sepsis = SyntheticScenarios.Create(SyntheticScenarios.Sepsis, 2, 250).Vitals.Options;
        var stroke = SyntheticScenarios.Create(SyntheticScenarios.Stroke, 2, 250).Vitals.Options;
        var brady = SyntheticScenarios.Create(SyntheticScenarios.Bradycardia, 2, 250);

        Assert.Equal(SyntheticRhythm.AtrialFibrillation, af.Ecg.Options.Rhythm);
        Assert.True(af.Ecg.Options.HeartRateBpm > 110);
        Assert.Equal(VitalsTrajectory.Deteriorating, sepsis.Trajectory);
        Assert.True(sepsis.Start.TemperatureC > 38);
        Assert.True(stroke.Start.SystolicMmHg > 180);
        Assert.Equal(SyntheticRhythm.Sinus, brady.Ecg.Options.Rhythm);
        Assert.True(brady.Ecg.Options.HeartRateBpm < 50);
    }

    [Fact]
    public void Names_are_found_whatever_their_case_and_an_unknown_name_lists_the_known_ones()
    {
        Assert.Equal(SyntheticScenarios.StemiInferior, SyntheticScenarios.Create("STEMI-Inferior", 1, 500).Name);

        var error = Assert.Throws<ArgumentException>(() => SyntheticScenarios.Create("unicorn", 1, 500));
        Assert.Contains(SyntheticScenarios.AfRvr, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_preset_without_noise_has_exact_ST_offsets_at_J_plus_60_ms()
    {
        var patient = SyntheticScenarios.Create(SyntheticScenarios.StemiInferior, 3, 500, noise: false);
        var leads = patient.Ecg.Next(5000);
        var beat = patient.Ecg.Beats[2];
        var ii = Array.IndexOf([.. SyntheticEcg.LeadNames], "III");

        var st = leads[ii][beat.JPointSample + 30] - leads[ii][beat.QrsOnsetSample];
        Assert.Equal(0.25, st, 1e-5);
    }
}
