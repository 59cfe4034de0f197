using EmergencyLink.Consoles.Ed;
using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Consoles.Tests;

public sealed class VitalsTrendPrependTests
{
    [Fact]
    public void Backfilled_readings_go_before_the_live_ones_and_the_live_reading_stays_the_latest()
    {
        var trend = new VitalsTrend();
        trend.Add(Reading(90));

        trend.Prepend([Reading(70), Reading(80)]);

        Assert.Equal(3, trend.Count);
        Assert.Equal(90, trend.Latest!.HeartRate);
        Assert.StartsWith("0,", trend.Sparkline(v => v.HeartRate, 120, 30), StringComparison.Ordinal);
    }

    [Fact]
    public void A_backfill_into_an_empty_trend_makes_its_newest_reading_the_latest_and_keeps_only_the_last_five_minutes()
    {
        var trend = new VitalsTrend();

        trend.Prepend(Enumerable.Range(0, VitalsTrend.Kept + 20).Select(i => Reading(60 + (i % 40))).ToArray());

        Assert.Equal(VitalsTrend.Kept, trend.Count);
        Assert.Equal(60 + ((VitalsTrend.Kept + 19) % 40), trend.Latest!.HeartRate);
    }

    private static VitalSigns Reading(double heartRate) => new(heartRate, 97, 125, 80, 95, 16, 35, 37);
}
