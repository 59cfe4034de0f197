using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Server.Api;

/// <summary>
/// Archived ECG frames joined into hole-free segments: frames whose first sample follows the previous frame's last,
/// with the same lead count, are one segment; a hole or a change of layout starts the next.
/// </summary>
public static class EcgSegments
{
    public static EcgAnswer Join(string id, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<TelemetryFrame> frames)
    {
        var segments = new List<EcgSegment>();
        var (rate, gain, leads) = (0, 0.0, 0);
        List<short>[]? current = null;
        long first = 0, next = -1;
        DateTimeOffset startedAt = default;
        foreach (var frame in frames.OrderBy(f => f.Sequence))
        {
            if (!TelemetryCodec.TryDecodeEcg(frame.Payload, out var block, out _))
            {
                continue;
            }

            if (current is null || block.FirstSample != next || block.Samples.Length != leads)
            {
                Flush();
                (rate, gain, leads) = (block.SampleRateHz, block.MicrovoltsPerUnit, block.Samples.Length);
                current = Enumerable.Range(0, leads).Select(_ => new List<short>()).ToArray();
                (first, startedAt) = (block.FirstSample, DateTimeOffset.UnixEpoch.AddTicks(frame.CapturedAtMicros * 10));
            }

            for (var l = 0; l < leads; l++)
            {
                current[l].AddRange(block.Samples[l]);
            }

            next = block.FirstSample + block.SamplesPerLead;
        }

        Flush();
        var names = leads == EcgBlock.StandardLeads.Count ? EcgBlock.StandardLeads : Enumerable.Range(1, leads).Select(i => $"lead {i}").ToArray();
        return new EcgAnswer(id, rate, gain, names, from, to, segments);

        void Flush()
        {
            if (current is not null)
            {
                segments.Add(new EcgSegment(first, startedAt, current.Select(c => c.ToArray()).ToArray()));
            }
        }
    }
}
