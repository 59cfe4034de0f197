using System.Collections.Concurrent;
using EmergencyLink.Clinical.Synthetic;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Telemetry;
using EmergencyLink.VehicleLink;

namespace EmergencyLink.EndToEnd.Tests;

/// <summary>
/// A monitor feeding a gateway at the real pace: a 40 ms ECG frame 25 times a second and vitals once a second, with
/// capture times, from a synthetic patient (sinus rhythm, stable vitals), so screens draw a real-looking ECG. Remembers
/// each frame's capture time by (channel, sequence) so a test can tell live from backlog.
/// </summary>
public sealed class LiveStream(VehicleGateway gateway, string caseId)
{
    private readonly ConcurrentDictionary<(string Channel, long Sequence), long> captured = new();
    private readonly SyntheticFeed patient = new(SyntheticScenarios.Create(SyntheticScenarios.Stable, seed: 7, samplingRateHz: 500));

    public long LastSequence(string channel) => captured.Keys.Where(k => k.Channel == channel).Select(k => k.Sequence).DefaultIfEmpty(0).Max();

    public long CapturedAt(string channel, long sequence) => captured[(channel, sequence)];

    public async Task RunAsync(TimeSpan duration)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(40));
        var deadline = DateTime.UtcNow + duration;
        for (var tick = 0; DateTime.UtcNow < deadline && await timer.WaitForNextTickAsync(); tick++)
        {
            await EnqueueAsync(VehicleLinkProtocol.EcgChannel, TelemetryKind.Ecg, TelemetryCodec.EncodeEcg(patient.NextEcg(20)));
            if (tick % 25 == 0)
            {
                await EnqueueAsync(VehicleLinkProtocol.VitalsChannel, TelemetryKind.Vitals, TelemetryCodec.EncodeVitals(patient.NextVitals()));
            }
        }
    }

    private async Task EnqueueAsync(string channel, TelemetryKind kind, byte[] payload)
    {
        var now = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks / 10;
        var sequence = await gateway.EnqueueAsync(caseId, channel, kind, now, payload);
        captured[(channel, sequence)] = now;
    }
}
