using EmergencyLink.Domain.Handover;

namespace EmergencyLink.Domain.Tests;

public sealed class OffloadStatisticsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private static TimeSpan[] Minutes(params int[] minutes) => minutes.Select(m => TimeSpan.FromMinutes(m)).ToArray();

    [Fact]
    public void The_median_of_an_odd_count_is_the_middle_and_of_an_even_count_the_mean_of_the_two_middle()
    {
        Assert.Equal(TimeSpan.FromMinutes(20), OffloadStatistics.Median(Minutes(45, 10, 20)));
        Assert.Equal(TimeSpan.FromMinutes(15), OffloadStatistics.Median(Minutes(20, 10)));
    }

    [Fact]
    public void The_90th_centile_is_the_nearest_rank()
    {
        // Ten cases: the 9th smallest; eleven: ceil(9.9) = the 10th.
        Assert.Equal(TimeSpan.FromMinutes(9), OffloadStatistics.Centile(Minutes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 90));
        Assert.Equal(TimeSpan.FromMinutes(10), OffloadStatistics.Centile(Minutes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), 90));
        Assert.Equal(TimeSpan.FromMinutes(7), OffloadStatistics.Centile(Minutes(7), 90));
    }

    [Fact]
    public void No_cases_have_no_median_and_no_centile()
    {
        Assert.Null(OffloadStatistics.Median([]));
        Assert.Null(OffloadStatistics.Centile([], 90));
    }

    [Fact]
    public void The_history_keeps_a_case_once_and_only_the_most_recent_up_to_its_bound()
    {
        var history = new List<OffloadSample>();
        for (var i = 1; i <= 5; i++)
        {
            Assert.True(OffloadStatistics.Record(history, new OffloadSample($"INC-{i}", null, T0, T0.AddMinutes(i)), bound: 3));
        }

        Assert.False(OffloadStatistics.Record(history, new OffloadSample("INC-5", null, T0, T0.AddMinutes(99)), bound: 3));
        Assert.Equal(["INC-3", "INC-4", "INC-5"], history.Select(s => s.IncidentId));
        Assert.Equal(TimeSpan.FromMinutes(5), history[^1].Interval);
    }
}
