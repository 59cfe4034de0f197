using EmergencyLink.Clinical.Synthetic;
using EmergencyLink.Contracts;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Server.Demo;

/// <summary>
/// The demo unit's monitor and gateway in one: streams a synthetic patient's vitals (1 Hz) and 12-lead ECG (40-ms
/// frames, 25 a second) for a case into the vehicle's telemetry grain, as <c>VehicleHub</c> does for a real gateway, so
/// the frames are de-duplicated, pushed to the ED, archived and analysed like any other. Five uploads a second keep
/// the ED's waveform smooth at little cost. With an ultrasound, its pictures go on channel <c>ultrasound</c> at their
/// own rate, for the ED's tele-guidance. Sequences continue the vehicle's (they count per vehicle and channel, across
/// cases and restarts), read once from the archive when the stream starts.
/// </summary>
public sealed class DemoPatientStream : IAsyncDisposable
{
    private const int FrameSamplesPer40Ms = 25; // frames a second

    /// <summary>Any channel but vitals and ECG carries video (<c>TelemetryRules.KindOf</c>); the ED names this one in its marks.</summary>
    public const string UltrasoundChannel = "ultrasound";
    private static readonly TimeSpan UploadEvery = TimeSpan.FromMilliseconds(200);
    private readonly ITelemetryGrain link;
    private readonly ITelemetryArchive archive;
    private readonly string vehicleId;
    private readonly string caseId;
    private readonly SyntheticFeed feed;
    private readonly SyntheticVideo? ultrasound;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stop;
    private readonly Task running;

    public DemoPatientStream(
        IGrainFactory grains, ITelemetryArchive archive, string vehicleId, string caseId, SyntheticFeed feed, TimeProvider time,
        ILogger logger, CancellationToken hostStopping, SyntheticVideo? ultrasound = null)
    {
        this.ultrasound = ultrasound;
        link = grains.GetGrain<ITelemetryGrain>(vehicleId);
        this.archive = archive;
        this.vehicleId = vehicleId;
        this.caseId = caseId;
        this.feed = feed;
        this.time = time;
        this.logger = logger;
        stop = CancellationTokenSource.CreateLinkedTokenSource(hostStopping);
        running = Task.Run(() => RunAsync(stop.Token), CancellationToken.None);
    }

    public string CaseId => caseId;

    private async Task RunAsync(CancellationToken token)
    {
        try
        {
            var held = await archive.LoadVehicleAsync(vehicleId);
            long Last(string channel) => held.Where(c => c.Channel == channel).SelectMany(c => c.Held).Select(r => r.To).DefaultIfEmpty(0).Max();
            var (ecgSequence, vitalsSequence) = (Last(VehicleLinkProtocol.EcgChannel), Last(VehicleLinkProtocol.VitalsChannel));
            var ultrasoundSequence = Last(UltrasoundChannel);
            var ultrasoundSent = 0L;
            var rate = feed.SamplingRateHz;
            var frameSamples = rate / FrameSamplesPer40Ms;
            var startMicros = NowMicros();
            var started = time.GetTimestamp();
            var vitalsSent = 0L;
            using var ticker = new PeriodicTimer(UploadEvery, time);
            do
            {
                // Generate what real time calls for, so a late tick catches up instead of letting the ECG fall behind.
                var dueSamples = (long)(time.GetElapsedTime(started).TotalSeconds * rate);
                var frames = new List<TelemetryFrame>();
                while (feed.NextSample + frameSamples <= dueSamples && frames.Count < 2 * FrameSamplesPer40Ms)
                {
                    var block = feed.NextEcg(frameSamples);
                    frames.Add(new TelemetryFrame(vehicleId, caseId, VehicleLinkProtocol.EcgChannel, TelemetryKind.Ecg, ++ecgSequence,
                        startMicros + (block.FirstSample * 1_000_000 / rate), TelemetryCodec.EncodeEcg(block)));
                }

                if (feed.NextSample / rate >= vitalsSent)
                {
                    frames.Add(new TelemetryFrame(vehicleId, caseId, VehicleLinkProtocol.VitalsChannel, TelemetryKind.Vitals, ++vitalsSequence,
                        startMicros + (vitalsSent * 1_000_000), TelemetryCodec.EncodeVitals(feed.NextVitals())));
                    vitalsSent++;
                }

                if (ultrasound is not null)
                {
                    var elapsed = time.GetElapsedTime(started).TotalSeconds;
                    for (; ultrasoundSent <= (long)(elapsed * ultrasound.FramesPerSecond); ultrasoundSent++)
                    {
                        frames.Add(new TelemetryFrame(vehicleId, caseId, UltrasoundChannel, TelemetryKind.Video, ++ultrasoundSequence,
                            startMicros + (ultrasoundSent * 1_000_000 / ultrasound.FramesPerSecond), TelemetryCodec.EncodeVideo(ultrasound.Next())));
                    }
                }

                if (frames.Count > 0)
                {
                    await UploadAsync(frames);
                }
            }
            while (await ticker.WaitForNextTickAsync(token));
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Demo patient stream for case {Case} on {Unit} stopped", caseId, vehicleId);
        }
    }

    /// <summary>A failed upload is logged and its frames dropped: the channel shows the hole, as a real link's would.</summary>
    private async Task UploadAsync(List<TelemetryFrame> frames)
    {
        try
        {
            var ack = await link.IngestAsync(frames, NowMicros());
            if (ack.Rejected.Count > 0)
            {
                logger.LogWarning("Demo stream for case {Case}: {Count} frames refused, first: {Reason}", caseId, ack.Rejected.Count, ack.Rejected[0].Reason);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Demo stream for case {Case}: an upload of {Count} frames failed", caseId, frames.Count);
        }
    }

    private long NowMicros() => (long)(time.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalMicroseconds;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await running;
        stop.Dispose();
    }
}
