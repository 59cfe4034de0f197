using EmergencyLink.Clinical.Live;
using EmergencyLink.Clinical.Synthetic;
using EmergencyLink.Domain.Alerts;
using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Clinical.Tests.Live;

/// <summary>
/// A synthetic patient's ECG as the vehicle link carries it (1 µV integer units, frames of a chosen size, capture
/// times from the sample clock) pushed through an <see cref="EcgMonitor"/>, with the stream time at which each alert
/// came back.
/// </summary>
internal static class MonitorRun
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    public static float[][] Generate(string scenario, double seconds, int rateHz = 500, int seed = 5, bool noise = true) =>
        SyntheticScenarios.Create(scenario, seed, rateHz, noise).Ecg.Next((int)Math.Round(seconds * rateHz));

    /// <summary>Pushes samples [from, to) in frames of <paramref name="frame"/> samples; returns each alert with the stream second it came at.</summary>
    public static List<(NewAlert Alert, double AtSeconds)> Stream(
        EcgMonitor monitor, float[][] leads, int rateHz, int frame, long from = 0, long? to = null, long sampleOffset = 0)
    {
        var end = to ?? leads[0].Length;
        var alerts = new List<(NewAlert, double)>();
        for (var start = from; start < end; start += frame)
        {
            var n = (int)Math.Min(frame, end - start);
            var raw = new short[leads.Length][];
            for (var l = 0; l < leads.Length; l++)
            {
                raw[l] = new short[n];
                for (var i = 0; i < n; i++)
                {
                    raw[l][i] = (short)Math.Clamp(Math.Round(leads[l][start + i] * 1000.0), short.MinValue, short.MaxValue);
                }
            }

            var first = start + sampleOffset;
            foreach (var alert in monitor.Push(new EcgBlock(rateHz, 1, first, raw), T0.AddTicks(first * TimeSpan.TicksPerSecond / rateHz)))
            {
                alerts.Add((alert, (start + n) / (double)rateHz));
            }
        }

        return alerts;
    }

    /// <summary>The lead names of a STEMI alert's per-lead evidence (every item with a value in mV that is not reciprocal).</summary>
    public static string[] ElevatedLeads(NewAlert alert) =>
        [.. alert.Evidence.Where(e => e.Unit == "mV" && e.Finding.StartsWith("ST elevation", StringComparison.Ordinal)).Select(e => e.Item)];
}
