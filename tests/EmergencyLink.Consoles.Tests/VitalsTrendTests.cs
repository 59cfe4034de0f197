using EmergencyLink.Clinical.Scores;
using EmergencyLink.Consoles.Ed;
using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Consoles.Tests;

public sealed class VitalsTrendTests
{
    private static VitalSigns Vitals(double heartRate, double? temperature = 37) => new(heartRate, 97, 125, 80, 95, 16, 35, temperature);

    [Fact]
    public void News2_from_the_monitor_is_scored_but_marked_incomplete_because_consciousness_and_oxygen_are_not_on_it()
    {
        var trend = new VitalsTrend();
        Assert.Null(trend.News2Score());

        trend.Add(Vitals(heartRate: 135));

        var news = trend.News2Score()!;
        Assert.False(news.IsComplete);
        Assert.Contains(News2Parameter.Consciousness, news.Missing);
        Assert.Contains(News2Parameter.AirOrOxygen, news.Missing);
        Assert.Equal(3, news.Total);
    }

    [Fact]
    public void A_reading_no_chart_scores_gives_no_NEWS2_rather_than_a_wrong_one()
    {
        var trend = new VitalsTrend();
        trend.Add(Vitals(heartRate: 80, temperature: 98.6));

        Assert.Null(trend.News2Score());
    }

    [Fact]
    public void The_sparkline_spans_the_box_from_the_lowest_to_the_highest_reading_and_skips_missing_ones()
    {
        var trend = new VitalsTrend();
        Assert.Equal(string.Empty, trend.Sparkline(v => v.HeartRate, 100, 20));

        trend.Add(Vitals(60));
        trend.Add(new VitalSigns(null, 97, 125, 80, 95, 16, 35, 37));
        trend.Add(Vitals(100));

        Assert.Equal("0,19 100,1", trend.Sparkline(v => v.HeartRate, 100, 20));
    }

    [Fact]
    public void The_trend_keeps_the_last_five_minutes_of_one_hertz_samples()
    {
        var trend = new VitalsTrend();
        for (var i = 0; i < VitalsTrend.Kept + 10; i++)
        {
            trend.Add(Vitals(60 + i));
        }

        Assert.Equal(VitalsTrend.Kept, trend.Count);
        Assert.Equal(60 + VitalsTrend.Kept + 9, trend.Latest!.HeartRate);
    }
}
