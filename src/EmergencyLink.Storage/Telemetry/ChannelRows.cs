using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Storage.Telemetry;

/// <summary>Accumulates one channel's archived rows (in sequence order) into its continuity report.</summary>
internal sealed class ChannelRows(TelemetryKind kind)
{
    private readonly SequenceSet held = new();
    private readonly LatencyHistogram latency = new();
    private long first = long.MaxValue;
    private long backfilled;
    private long late;
    private long firstCaptured = long.MaxValue;
    private long lastCaptured = long.MinValue;

    public void Add(long sequence, long captured, long received, bool wasBackfilled, long lateAfterMicros)
    {
        held.Add(sequence);
        first = Math.Min(first, sequence);
        backfilled += wasBackfilled ? 1 : 0;
        late += received - captured > lateAfterMicros ? 1 : 0;
        latency.Add(received - captured);
        firstCaptured = Math.Min(firstCaptured, captured);
        lastCaptured = Math.Max(lastCaptured, captured);
    }

    public ChannelReport Report(string vehicle, string channel, long duplicates)
    {
        // Only the case's own span counts: the vehicle's earlier cases used the sequences below its first frame.
        var gaps = held.Gaps().Where(g => g.To >= first).Select(g => new SequenceRange(Math.Max(g.From, first), g.To)).ToArray();
        var expected = held.Highest - first + 1;
        return new ChannelReport(
            vehicle, channel, kind, first, held.Highest, expected, held.Count, expected - held.Count, gaps, duplicates, backfilled, late,
            DateTimeOffset.FromUnixTimeMilliseconds(firstCaptured / 1000), DateTimeOffset.FromUnixTimeMilliseconds(lastCaptured / 1000),
            Ms(latency.Percentile(0.5)), Ms(latency.Percentile(0.99)), latency.MaxMicros / 1000);
    }

    private static double Ms(double? micros) => Math.Round((micros ?? 0) / 1000, 2);
}
