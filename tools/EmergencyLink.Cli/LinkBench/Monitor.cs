using EmergencyLink.Cli.Simulation;
using SyntheticVideo = EmergencyLink.Clinical.Synthetic.SyntheticVideo;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Cli.LinkBench;

/// <summary>
/// One ambulance's monitor in a benchmark: an ECG frame every tick (40 ms), vitals every 25th, video every tick if it
/// has a camera. ECG is cut from one precomputed 10 s trace (at a per-vehicle offset) so that a thousand of them cost
/// the load generator nothing but the copy.
/// </summary>
public sealed class Monitor(IFrameSink sink, string caseId, int index, SyntheticVideo? camera)
{
    private const int Samples = 20;
    private static readonly Lazy<EcgBlock> Trace = new(() => new SyntheticEcg(500, new Random(3)).Next(5000, 78));
    private readonly Dictionary<string, long> last = new(StringComparer.Ordinal);
    private long sample = index * 137L % 5000;

    public IReadOnlyDictionary<string, long> Last => last;

    public async Task TickAsync(int tick)
    {
        var now = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks / 10;
        var trace = Trace.Value;
        var offset = (int)(sample % (5000 - Samples));
        var leads = trace.Samples.Select(l => l.AsSpan(offset, Samples).ToArray()).ToArray();
        var block = new EcgBlock(500, trace.MicrovoltsPerUnit, sample, leads);
        sample += Samples;
        var pending = new List<Task<(string, long)>> { Send(VehicleLinkProtocol.EcgChannel, TelemetryKind.Ecg, TelemetryCodec.EncodeEcg(block), now) };
        if (tick % 25 == 0)
        {
            pending.Add(Send(VehicleLinkProtocol.VitalsChannel, TelemetryKind.Vitals, TelemetryCodec.EncodeVitals(new VitalSigns(78, 97, 126, 80, 95, 16, 36, 36.9)), now));
        }

        if (camera is not null)
        {
            pending.Add(Send(VehicleLinkProtocol.VideoChannel, TelemetryKind.Video, TelemetryCodec.EncodeVideo(camera.Next()), now));
        }

        foreach (var (channel, sequence) in await Task.WhenAll(pending))
        {
            last[channel] = Math.Max(last.GetValueOrDefault(channel), sequence);
        }
    }

    private async Task<(string, long)> Send(string channel, TelemetryKind kind, byte[] payload, long now) =>
        (channel, await sink.EnqueueAsync(caseId, channel, kind, now, payload));
}
