using EmergencyLink.Clinical.St;
using EmergencyLink.Clinical.Synthetic;

namespace EmergencyLink.Clinical.Tests;

/// <summary>The ST measurement scored against the generator's exact ST offsets (issue 5: within 0.05 mV).</summary>
public sealed class SyntheticStTests
{
    private static (StMeasurement Measurement, IReadOnlyDictionary<string, double> Truth) Measure(string scenario, double rate)
    {
        var patient = SyntheticScenarios.Create(scenario, seed: 11, samplingRateHz: rate, noise: false);
        var leads = patient.Ecg.Next((int)(12 * rate));
        var peaks = patient.Ecg.RPeaks.Select(p => (int)p).Where(p => p < leads[0].Length).ToArray();
        var analyzer = new StAnalyzer(SyntheticEcg.LeadNames, rate);
        var measurement = analyzer.MeasureWindow(leads, peaks, 0);
        return (measurement, patient.Ecg.StOffsetMillivolts);
    }

    [Theory]
    [InlineData("stemi-inferior", 500)]
    [InlineData("stemi-anterior", 500)]
    [InlineData("stemi-lateral", 250)]
    [InlineData("stable", 1000)]
    public void Measured_st_matches_the_generated_offset_within_five_hundredths_of_a_millivolt_in_every_lead(string scenario, double rate)
    {
        var (measurement, truth) = Measure(scenario, rate);

        Assert.True(measurement.IsReliable, measurement.Quality.ToString());
        foreach (var (lead, expected) in truth)
        {
            Assert.InRange(measurement.Lead(lead)!.StMillivolts, expected - 0.05, expected + 0.05);
        }
    }

    [Theory]
    [InlineData("stemi-inferior", StemiTerritory.Inferior)]
    [InlineData("stemi-anterior", StemiTerritory.Anterior)]
    [InlineData("stemi-lateral", StemiTerritory.Lateral)]
    public void A_synthetic_stemi_meets_the_criteria_in_its_territory(string scenario, StemiTerritory territory)
    {
        var (measurement, _) = Measure(scenario, 500);

        var stemi = StemiCriteria.Assess(measurement, PatientSex.Male, 60);

        Assert.True(stemi.Met);
        Assert.True(stemi.Territories.HasFlag(territory), stemi.Territories.ToString());
    }

    [Fact]
    public void A_synthetic_patient_without_st_changes_does_not_meet_the_criteria()
    {
        var (measurement, _) = Measure("stable", 500);

        Assert.False(StemiCriteria.Assess(measurement, PatientSex.Female, 50).Met);
    }
}
