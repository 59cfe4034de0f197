using System.Diagnostics;
using System.Globalization;

namespace EmergencyLink.Cli.Commands;

/// <summary>Wall and thread-CPU time of repeated runs of one operation, summarised as medians and the wall p90.</summary>
internal sealed class Timings(int capacity)
{
    private readonly List<double> wall = new(capacity);
    private readonly List<double> cpu = new(capacity);

    public void Time(Action action)
    {
        var cpuBefore = ThreadCpu.Now();
        var clock = Stopwatch.StartNew();
        action();
        clock.Stop();
        cpu.Add((ThreadCpu.Now() - cpuBefore).TotalMilliseconds);
        wall.Add(clock.Elapsed.TotalMilliseconds);
    }

    public double MedianWall => Percentile(wall, 0.5);

    public double MedianCpu => Percentile(cpu, 0.5);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"median {MedianWall:F3} ms wall, {MedianCpu:F3} ms thread CPU (p90 wall {Percentile(wall, 0.9):F3} ms, {wall.Count} runs)");

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * p))];
    }
}
