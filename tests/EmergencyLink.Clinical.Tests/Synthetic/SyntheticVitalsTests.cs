using EmergencyLink.Clinical.Synthetic;

namespace EmergencyLink.Clinical.Tests.Synthetic;

public sealed class SyntheticVitalsTests
{
    [Fact]
    public void A_deteriorating_patient_reaches_a_NEWS2_high_picture_within_30_minutes()
    {
        var samples = Run(new SyntheticVitalsOptions { Trajectory = VitalsTrajectory.Deteriorating, Seed = 1 }, 1800);
        var first = Minute(samples, 0);
        var last = Minute(samples, 29);
        var firstCuff = samples.First(s => s.SystolicMmHg is not null);
        var lastCuff = samples.Last(s => s.SystolicMmHg is not null);

        Assert.True(last.HeartRate > first.HeartRate + 30, $"HR {first.HeartRate:F0} -> {last.HeartRate:F0}");
        Assert.True(last.RespiratoryRate > first.RespiratoryRate + 8, $"RR {first.RespiratoryRate:F0} -> {last.RespiratoryRate:F0}");
        Assert.True(last.SpO2 < first.SpO2 - 5, $"SpO2 {first.SpO2:F0} -> {last.SpO2:F0}");
        Assert.True(lastCuff.SystolicMmHg < firstCuff.SystolicMmHg - 25, $"SBP {firstCuff.SystolicMmHg} -> {lastCuff.SystolicMmHg}");
        Assert.True(last.TemperatureC > first.TemperatureC + 1, $"T {first.TemperatureC:F1} -> {last.TemperatureC:F1}");

        // NEWS2 bands (RCP 2017): HR ≥ 111, RR ≥ 25, SpO2 ≤ 91, SBP ≤ 90 each score 2–3.
        Assert.True(last.HeartRate >= 111);
        Assert.True(last.RespiratoryRate >= 25);
        Assert.True(last.SpO2 <= 91);
        Assert.True(lastCuff.SystolicMmHg <= 90);
    }

    [Fact]
    public void An_improving_patient_settles_towards_normal_values()
    {
        var start = new VitalsState(124, 88, 96, 58, 28, 30, 38.6);
        var samples = Run(new SyntheticVitalsOptions { Trajectory = VitalsTrajectory.Improving, Start = start, Seed = 2 }, 1800);
        var first = Minute(samples, 0);
        var last = Minute(samples, 29);
        var lastCuff = samples.Last(s => s.SystolicMmHg is not null);
        var normal = VitalsState.Normal;

        Assert.True(Math.Abs(last.HeartRate - normal.HeartRate) < Math.Abs(first.HeartRate - normal.HeartRate) / 3);
        Assert.True(Math.Abs(last.SpO2 - normal.SpO2) < Math.Abs(first.SpO2 - normal.SpO2) / 3);
        Assert.True(Math.Abs(last.RespiratoryRate - normal.RespiratoryRate) < Math.Abs(first.RespiratoryRate - normal.RespiratoryRate) / 3);
        Assert.True(Math.Abs(lastCuff.SystolicMmHg!.Value - normal.SystolicMmHg) < 15);
        Assert.InRange(last.TemperatureC, 36.5, 37.6);
    }

    [Fact]
    public void A_stable_patient_stays_near_where_it_started()
    {
        var samples = Run(new SyntheticVitalsOptions { Seed = 3 }, 3600);
        var normal = VitalsState.Normal;

        for (var m = 0; m < 60; m++)
        {
            var minute = Minute(samples, m);
            Assert.InRange(minute.HeartRate, normal.HeartRate - 6, normal.HeartRate + 6);
            Assert.InRange(minute.SpO2, normal.SpO2 - 2, 100);
            Assert.InRange(minute.RespiratoryRate, normal.RespiratoryRate - 3, normal.RespiratoryRate + 3);
        }

        Assert.All(samples.Where(s => s.SystolicMmHg is not null), s => Assert.InRange(s.SystolicMmHg!.Value, normal.SystolicMmHg - 15, normal.SystolicMmHg + 15));
    }

    [Fact]
    public void Readings_vary_from_second_to_second_like_a_monitor_not_a_constant()
    {
        var samples = Run(new SyntheticVitalsOptions { Seed = 4 }, 600);

        Assert.True(samples.Select(s => s.HeartRate).Distinct().Count() >= 5);
        Assert.True(samples.Select(s => s.RespiratoryRate).Distinct().Count() >= 3);
        var steps = samples.Zip(samples.Skip(1), (a, b) => Math.Abs(b.HeartRate!.Value - a.HeartRate!.Value));
        Assert.True(steps.Max() <= 4, "HR should drift, not jump");
    }

    [Theory]
    [InlineData(VitalsTrajectory.Stable)]
    [InlineData(VitalsTrajectory.Deteriorating)]
    [InlineData(VitalsTrajectory.Improving)]
    public void Every_reading_stays_in_a_plausible_range_even_with_extreme_targets_and_noise(VitalsTrajectory trajectory)
    {
        var extreme = new VitalsState(400, 20, 20, 400, 90, 0, 50);
        for (var seed = 0; seed < 4; seed++)
        {
            var samples = Run(new SyntheticVitalsOptions { Trajectory = trajectory, Target = trajectory == VitalsTrajectory.Stable ? null : extreme, NoiseScale = 5, TimeConstantSeconds = 60, Seed = seed }, 900);
            Assert.All(samples, s =>
            {
                Assert.InRange(s.HeartRate!.Value, 25, 220);
                Assert.InRange(s.SpO2!.Value, 60, 100);
                Assert.InRange(s.RespiratoryRate!.Value, 4, 60);
                Assert.InRange(s.EtCO2MmHg!.Value, 8, 80);
                Assert.InRange(s.TemperatureC!.Value, 33, 42);
                if (s.SystolicMmHg is { } sys)
                {
                    Assert.InRange(sys, 50, 250);
                    Assert.InRange(s.DiastolicMmHg!.Value, 25, sys - 15);
                }
            });
        }
    }

    [Theory]
    [InlineData(180)]
    [InlineData(300)]
    public void Cuff_pressure_comes_only_every_interval_with_the_mean_a_third_of_pulse_pressure_above_diastolic(int interval)
    {
        var samples = Run(new SyntheticVitalsOptions { NibpIntervalSeconds = interval, Seed = 5 }, 1200);

        var cuffs = samples.Where(s => s.SystolicMmHg is not null).ToList();
        Assert.Equal(Enumerable.Range(0, (1199 / interval) + 1).Select(k => (double)(k * interval)), cuffs.Select(s => s.ElapsedSeconds));
        Assert.All(samples.Where(s => s.SystolicMmHg is null), s => Assert.True(s.DiastolicMmHg is null && s.MeanMmHg is null));
        Assert.All(cuffs, s => Assert.InRange(s.MeanMmHg!.Value - (s.DiastolicMmHg!.Value + ((s.SystolicMmHg!.Value - s.DiastolicMmHg.Value) / 3)), -0.5, 0.5));
        Assert.All(samples, s => Assert.NotNull(s.HeartRate));
    }

    [Fact]
    public void The_same_seed_gives_the_same_series_and_another_seed_does_not()
    {
        var options = new SyntheticVitalsOptions { Trajectory = VitalsTrajectory.Deteriorating, Seed = 6 };

        Assert.Equal(Run(options, 600), Run(options, 600));
        Assert.NotEqual(Run(options, 600), Run(options with { Seed = 7 }, 600));
    }

    [Fact]
    public void Without_noise_the_readings_are_the_rounded_trajectory()
    {
        var options = new SyntheticVitalsOptions { Trajectory = VitalsTrajectory.Deteriorating, NoiseScale = 0 };
        var vitals = new SyntheticVitals(options);
        for (var t = 0; t < 900; t++)
        {
            var s = vitals.Next();
            var path = vitals.TrajectoryAt(t);
            Assert.Equal(t, s.ElapsedSeconds);
            Assert.Equal(Math.Round(path.HeartRate), s.HeartRate);
            Assert.Equal(Math.Round(path.SpO2), s.SpO2);
            Assert.Equal(Math.Round(path.TemperatureC, 1), s.TemperatureC);
        }
    }

    [Fact]
    public void Given_an_ECG_the_vitals_drive_its_rate_and_show_the_rate_its_R_peaks_give()
    {
        var ecg = new SyntheticEcg(new SyntheticEcgOptions { SamplingRateHz = 250, HeartRateBpm = 100, Seed = 9 });
        var vitals = new SyntheticVitals(new SyntheticVitalsOptions { Trajectory = VitalsTrajectory.Deteriorating, Start = new VitalsState(100, 95, 110, 70, 20, 34, 38), TimeConstantSeconds = 300, Seed = 9 }, ecg);
        var samples = new List<SyntheticVitalsSample>();
        for (var t = 0; t < 900; t++)
        {
            ecg.Next(250);
            samples.Add(vitals.Next());
        }

        foreach (var minute in new[] { 1, 7, 14 })
        {
            var from = minute * 60 * 250L;
            var beats = ecg.RPeaks.Where(r => r >= from && r < from + (60 * 250)).Count();
            var shown = samples.Skip(minute * 60).Take(60).Average(s => s.HeartRate!.Value);
            Assert.InRange(shown, beats - 3, beats + 3);
        }

        Assert.True(ecg.Options.HeartRateBpm > 120, $"the ECG should have followed the deterioration, at {ecg.Options.HeartRateBpm:F0}");
        Assert.Equal(ecg.Options.RespiratoryRatePerMinute, vitals.TrajectoryAt(899).RespiratoryRate, 6.0);
    }

    private static List<SyntheticVitalsSample> Run(SyntheticVitalsOptions options, int seconds)
    {
        var vitals = new SyntheticVitals(options);
        return [.. Enumerable.Range(0, seconds).Select(_ => vitals.Next())];
    }

    private static (double HeartRate, double SpO2, double RespiratoryRate, double TemperatureC) Minute(List<SyntheticVitalsSample> samples, int minute)
    {
        var s = samples.Skip(minute * 60).Take(60).ToList();
        return (s.Average(x => x.HeartRate!.Value), s.Average(x => x.SpO2!.Value), s.Average(x => x.RespiratoryRate!.Value), s.Average(x => x.TemperatureC!.Value));
    }
}
