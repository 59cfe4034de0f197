using EmergencyLink.Domain.Demo;
using EmergencyLink.Domain.Destinations;
using EmergencyLink.Domain.Geography;
using Microsoft.Extensions.Time.Testing;

namespace EmergencyLink.Domain.Tests;

public sealed class DemoCallGeneratorTests
{
    private static readonly GeoPoint SouthWest = new(43.95, -38.08);
    private static readonly GeoPoint NorthEast = new(44.05, -37.92);

    private static DemoCallGenerator Generator(int seed, double callsPerHour = 60, bool followTimeOfDay = false, FakeTimeProvider? time = null) =>
        new(new Random(seed), time ?? new FakeTimeProvider(), TimeZoneInfo.Utc, callsPerHour, followTimeOfDay);

    [Fact]
    public void Calls_arrive_on_average_at_the_configured_rate()
    {
        var generator = Generator(1, callsPerHour: 60);

        var gaps = Enumerable.Range(0, 20_000).Select(_ => generator.NextInterval().TotalSeconds).ToArray();

        Assert.InRange(gaps.Average(), 58, 62);
        Assert.All(gaps, g => Assert.True(g >= 0 && double.IsFinite(g)));
        // Exponential gaps: about 63 % shorter than the mean, which a fixed period would never give.
        Assert.InRange(gaps.Count(g => g < 60) / (double)gaps.Length, 0.61, 0.65);
    }

    [Fact]
    public void Following_the_day_makes_calls_rarer_at_night_than_in_the_late_morning()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 4, 0, 0, TimeSpan.Zero));
        var generator = Generator(2, callsPerHour: 60, followTimeOfDay: true, time: time);

        var night = generator.CurrentCallsPerHour();
        time.Advance(TimeSpan.FromHours(8));
        var morning = generator.CurrentCallsPerHour();

        Assert.Equal(60 * DemoCallMix.HourOfDayFactors[4], night, 6);
        Assert.Equal(60 * DemoCallMix.HourOfDayFactors[12], morning, 6);
        Assert.True(morning > 2.5 * night);
        Assert.InRange(DemoCallMix.HourOfDayFactors.Average(), 0.98, 1.02);
    }

    [Fact]
    public void Without_following_the_day_the_rate_is_the_same_at_every_hour()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 4, 0, 0, TimeSpan.Zero));
        var generator = Generator(3, callsPerHour: 45, time: time);

        var night = generator.CurrentCallsPerHour();
        time.Advance(TimeSpan.FromHours(8));

        Assert.Equal(45, night);
        Assert.Equal(45, generator.CurrentCallsPerHour());
    }

    [Fact]
    public void The_priority_mix_matches_the_real_share_of_lights_and_sirens_calls()
    {
        var generator = Generator(4);

        var calls = Enumerable.Range(0, 20_000).Select(_ => generator.NextCall(SouthWest, NorthEast)).ToArray();
        double Share(Func<DemoCall, bool> which) => calls.Count(which) / (double)calls.Length;

        // San Francisco dispatched 41 % of medical incidents lights-and-sirens; the mix is built to give 42 %.
        Assert.InRange(Share(c => c.Kind.Priority <= 2), 0.40, 0.44);
        Assert.InRange(Share(c => c.Kind.Priority == 1), 0.08, 0.12);
        Assert.InRange(Share(c => c.Kind.Priority == 4), 0.06, 0.09);
        Assert.InRange(Share(c => c.Kind.Complaint.StartsWith("difficulty breathing", StringComparison.Ordinal)), 0.12, 0.16);
        Assert.Contains(calls, c => c.Kind.Diagnosis == WorkingDiagnosis.Stemi);
        Assert.Contains(calls, c => c.Kind.Scenario == "stroke");
    }

    [Fact]
    public void Urgent_patients_are_always_transported_and_four_in_ten_low_acuity_ones_are_not()
    {
        var generator = Generator(5);

        var calls = Enumerable.Range(0, 20_000).Select(_ => generator.NextCall(SouthWest, NorthEast)).ToArray();
        var lowAcuity = calls.Where(c => c.Kind.Priority >= 3).ToArray();

        Assert.All(calls.Where(c => c.Kind.Priority <= 2), c => Assert.True(c.Transport));
        Assert.InRange(lowAcuity.Count(c => !c.Transport) / (double)lowAcuity.Length, 0.37, 0.43);
    }

    [Fact]
    public void Calls_fall_inside_the_region_box()
    {
        var generator = Generator(6);

        var calls = Enumerable.Range(0, 2_000).Select(_ => generator.NextCall(SouthWest, NorthEast)).ToArray();

        Assert.All(calls, c =>
        {
            Assert.InRange(c.Location.Lat, SouthWest.Lat, NorthEast.Lat);
            Assert.InRange(c.Location.Lon, SouthWest.Lon, NorthEast.Lon);
        });
    }

    [Fact]
    public void The_same_seed_places_the_same_calls()
    {
        var a = Generator(7);
        var b = Generator(7);

        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(a.NextInterval(), b.NextInterval());
            Assert.Equal(a.NextCall(SouthWest, NorthEast), b.NextCall(SouthWest, NorthEast));
        }
    }

    [Fact]
    public void A_rate_of_zero_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Generator(8, callsPerHour: 0));
    }

    [Fact]
    public void An_open_demo_case_found_after_a_restart_gets_its_patient_back_by_its_complaint()
    {
        var chestPain = DemoCallMix.KindOf("chest pain, sweating", 1);
        var unknown = DemoCallMix.KindOf("edited by a dispatcher", 3);

        Assert.Equal("stemi-inferior", chestPain.Scenario);
        Assert.Equal(WorkingDiagnosis.Stemi, chestPain.Diagnosis);
        Assert.Equal("stable", unknown.Scenario);
        Assert.Equal(3, unknown.Priority);
    }
}
