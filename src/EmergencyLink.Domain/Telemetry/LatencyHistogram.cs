namespace EmergencyLink.Domain.Telemetry;

/// <summary>
/// Latencies in buckets 2 % wide from 10 µs to 100 s: percentiles to within 2 % in constant memory, however long the
/// stream. Exact percentiles would need every sample; a report of a 30-minute transport does not.
/// </summary>
public sealed class LatencyHistogram
{
    private const double MinMicros = 10;
    private const double Growth = 1.02;
    private static readonly int BucketCount = (int)Math.Ceiling(Math.Log(1e8 / MinMicros) / Math.Log(Growth)) + 2;
    private readonly long[] counts = new long[BucketCount];

    public long Count { get; private set; }

    public double MaxMicros { get; private set; }

    public void Add(double micros)
    {
        micros = Math.Max(0, micros);
        var bucket = micros <= MinMicros ? 0 : Math.Min(BucketCount - 1, 1 + (int)(Math.Log(micros / MinMicros) / Math.Log(Growth)));
        counts[bucket]++;
        Count++;
        MaxMicros = Math.Max(MaxMicros, micros);
    }

    /// <summary>The upper edge of the bucket holding the q-th quantile, in microseconds; null with no samples.</summary>
    public double? Percentile(double q)
    {
        if (Count == 0)
        {
            return null;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(q * Count));
        long seen = 0;
        for (var b = 0; b < counts.Length; b++)
        {
            seen += counts[b];
            if (seen >= rank)
            {
                return Math.Min(MaxMicros, b == 0 ? MinMicros : MinMicros * Math.Pow(Growth, b));
            }
        }

        return MaxMicros;
    }
}
