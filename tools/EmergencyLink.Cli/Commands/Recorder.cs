using System.Collections.Concurrent;

namespace EmergencyLink.Cli.Commands;

/// <summary>Latencies per request kind, for percentiles at the end of a run.</summary>
public sealed class Recorder
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> samples = new(StringComparer.Ordinal);
    private int failures;

    public int Failures => failures;

    public void Add(string kind, double milliseconds, bool succeeded)
    {
        samples.GetOrAdd(kind, _ => []).Add(milliseconds);
        if (!succeeded)
        {
            Interlocked.Increment(ref failures);
        }
    }

    public int Count(string kind) => samples.TryGetValue(kind, out var bag) ? bag.Count : 0;

    public (int Count, double P50, double P90, double P99, double Max) Summary(string kind)
    {
        var sorted = (kind == "all" ? samples.Values.SelectMany(b => b) : samples.GetValueOrDefault(kind) ?? [])
            .Order().ToArray();
        if (sorted.Length == 0)
        {
            return (0, 0, 0, 0, 0);
        }

        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return (sorted.Length, At(0.50), At(0.90), At(0.99), sorted[^1]);
    }
}
