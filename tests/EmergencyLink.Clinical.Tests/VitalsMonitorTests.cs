using EmergencyLink.Clinical.Live;
using EmergencyLink.Domain.Alerts;
using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Clinical.Tests;

public sealed class VitalsMonitorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    // RR 26 (3) + SpO2 90 (3) + SBP 95 (2) + HR 125 (2) + temp 38.5 (1) = 11 without consciousness or oxygen.
    private static readonly VitalSigns Shocked = new(125, 90, 95, 60, 72, 26, 30, 38.5);
    private static readonly VitalSigns Normal = new(75, 98, 125, 80, 95, 14, 38, 36.8);

    [Fact]
    public void A_high_score_alerts_once_after_it_has_held_and_says_what_is_missing()
    {
        var monitor = new VitalsMonitor(TimeSpan.FromSeconds(30));
        var alerts = Enumerable.Range(0, 90).Select(i => monitor.Push(Shocked, T0.AddSeconds(i))).ToArray();

        var raised = alerts.Select((a, i) => (a, i)).Where(x => x.a is not null).ToArray();
        var (alert, second) = Assert.Single(raised);
        Assert.Equal(30, second);
        Assert.Equal(AlertKind.News2High, alert!.Kind);
        Assert.Equal(T0, alert.ObservedAt);
        Assert.Contains("NEWS2 11", alert.Summary);
        Assert.Contains("Consciousness", alert.Summary);
        Assert.Contains(alert.Evidence, e => e.Item == "Respiration rate" && e.Value == 3);
    }

    [Fact]
    public void A_high_score_that_does_not_hold_never_alerts()
    {
        var monitor = new VitalsMonitor(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 120; i++)
        {
            // 20 s of artefact every 40 s: never 30 s in a row.
            var alert = monitor.Push(i % 40 < 20 ? Shocked : Normal, T0.AddSeconds(i));
            Assert.Null(alert);
        }
    }

    [Fact]
    public void Normal_vitals_score_low_and_never_alert()
    {
        var monitor = new VitalsMonitor(TimeSpan.Zero);

        Assert.Null(monitor.Push(Normal, T0, EmergencyLink.Clinical.Scores.Acvpu.Alert, onOxygen: false));
        Assert.Equal(0, monitor.Latest!.Total);
        Assert.True(monitor.Latest.IsComplete);
    }
}

public sealed class SyntheticPatientNews2Tests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    private static int? SecondOfAlert(string scenario, int seconds)
    {
        var patient = EmergencyLink.Clinical.Synthetic.SyntheticScenarios.Create(scenario, seed: 7, samplingRateHz: 250);
        var monitor = new VitalsMonitor(TimeSpan.FromSeconds(30));
        for (var second = 0; second < seconds; second++)
        {
            var v = patient.NextVitals();
            var vitals = new VitalSigns(v.HeartRate, v.SpO2, v.SystolicMmHg, v.DiastolicMmHg, v.MeanMmHg, v.RespiratoryRate, v.EtCO2MmHg, v.TemperatureC);
            if (monitor.Push(vitals, T0.AddSeconds(second)) is not null)
            {
                return second;
            }
        }

        return null;
    }

    [Fact]
    public void A_septic_synthetic_patient_reaches_the_news2_alert_during_a_transport_and_a_stable_one_never_does()
    {
        Assert.InRange(SecondOfAlert("sepsis", 1800) ?? int.MaxValue, 30, 1800);
        Assert.Null(SecondOfAlert("stable", 1800));
    }
}
