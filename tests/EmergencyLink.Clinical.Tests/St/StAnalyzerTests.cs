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

    private void Report(StMeasurement m, SyntheticEcg ecg)
    {
        output.WriteLine($"quality {m.Quality} beats {m.BeatsUsed}/{m.BeatsInWindow} hr {m.HeartRateBpm:F1} onset {m.QrsOnsetMs:F1} J {m.JPointMs:F1}");
        foreach (var lead in m.Leads)
        {
            output.WriteLine($"{lead.Lead,-4} st {lead.StMillivolts,7:F4} (true {ecg.St(lead.Lead),5:F2}, err {lead.StMillivolts - ecg.St(lead.Lead),7:F4}) j {lead.JPointMillivolts,7:F4} se {lead.NoiseMillivolts:F4}");
        }
    }
}
