namespace EmergencyLink.Domain.Handover;

/// <summary>
/// Summaries of offload intervals. Centiles are nearest-rank (the smallest interval with at least p % of the cases at or
/// below it), so every figure reported is an interval some crew really waited; the median of an even count is the mean
/// of the two middle ones.
/// </summary>
public static class OffloadStatistics
{
    public static TimeSpan? Median(IReadOnlyList<TimeSpan> intervals)
    {
        if (intervals.Count == 0)
        {
            return null;
        }

        var sorted = intervals.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <param name="percent">0 &lt; percent ≤ 100.</param>
    public static TimeSpan? Centile(IReadOnlyList<TimeSpan> intervals, double percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        if (intervals.Count == 0)
        {
            return null;
        }

        var sorted = intervals.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    /// <summary>Adds a sample unless its case is already there, dropping the oldest beyond <paramref name="bound"/>.</summary>
    public static bool Record(List<OffloadSample> history, OffloadSample sample, int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        if (history.Exists(s => s.IncidentId == sample.IncidentId))
        {
            return false;
        }

        history.Add(sample);
        if (history.Count > bound)
        {
            history.RemoveRange(0, history.Count - bound);
        }

        return true;
    }
}
