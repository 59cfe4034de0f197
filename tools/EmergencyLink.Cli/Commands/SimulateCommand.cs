using EmergencyLink.Clinical.Synthetic;
using System.Globalization;
using System.Text.Json;
using EmergencyLink.Cli.Simulation;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Telemetry;
using EmergencyLink.Security;
using EmergencyLink.VehicleLink;

namespace EmergencyLink.Cli.Commands;

/// <summary>
/// A simulated ambulance: a real <see cref="VehicleGateway"/> (durable outbox, reconnection) fed by a synthetic
/// patient: vitals at 1 Hz, 12-lead ECG at 500 Hz in 40 ms frames, and optionally video. It prints one JSON line
/// per second with the gateway's counters and, when it ends, the last sequence of each channel, so a test or a
/// person can check that the server got every frame. Point <c>--url</c> at the link emulator to drive it through a
/// 5G, 4G or degraded link.
/// </summary>
public static class SimulateCommand
{
    public const string Usage =
        "simulate --vehicle ID --case INCIDENT-ID [--url http://localhost:5080] [--seconds 60 (0: until stopped)] " +
        "[--outbox FILE] [--video-kbps 0] [--fps 25] [--patient stable|stemi-inferior|stemi-anterior|stemi-lateral|af-rvr|sepsis|stroke|bradycardia|asthma-improving] [--token JWT | --storage-path DB] [--drain-seconds 30]";

    private const int EcgRate = 500;
    private const int EcgFrameSamples = 20;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new ArgReader(args, "vehicle", "case", "url", "seconds", "outbox", "video-kbps", "fps", "patient", "token", "storage-path", "drain-seconds");
        var vehicle = options.Get("vehicle") ?? throw new ArgumentException("--vehicle is required.");
        var caseId = options.Get("case") ?? throw new ArgumentException("--case is required.");
        var url = new Uri(options.Get("url") ?? "http://localhost:5080");
        var seconds = options.GetInt("seconds", 60, 0, 86_400);
        var videoKbps = options.GetInt("video-kbps", 0, 0, 50_000);
        var fps = options.GetInt("fps", 25, 1, 60);
        var drain = options.GetInt("drain-seconds", 30, 0, 3600);
        var scenario = options.Get("patient") ?? "stable";
        if (!SyntheticScenarios.Names.Contains(scenario, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException("--patient must be one of " + string.Join(", ", SyntheticScenarios.Names) + ".");
        }
        var token = options.Get("token")
            ?? KeyLocator.Issuer(KeyLocator.StoragePath(options.Get("storage-path")))
                .Issue(new TokenRequest(Roles.Crew, $"gateway {vehicle}", vehicle, null), TimeSpan.FromHours(12));
        var outbox = options.Get("outbox") ?? Path.Combine(Path.GetTempPath(), $"emergencylink-outbox-{vehicle}.db");

        await using var gateway = new VehicleGateway(new VehicleGatewayOptions
        {
            ServerUrl = url,
            VehicleId = vehicle,
            AccessTokenProvider = () => Task.FromResult<string?>(token),
            OutboxPath = outbox,
        });
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        if (seconds > 0)
        {
            stop.CancelAfter(TimeSpan.FromSeconds(seconds));
        }

        await gateway.StartAsync(stop.Token);
        var random = new Random(vehicle.GetHashCode(StringComparison.Ordinal));
        var patient = new PatientFeed(SyntheticScenarios.Create(scenario, vehicle.GetHashCode(StringComparison.Ordinal), EcgRate));
        var last = new Dictionary<string, long>(StringComparer.Ordinal);
        var lastLock = new Lock();
        async Task EnqueueAsync(string channel, TelemetryKind kind, byte[] payload)
        {
            var sequence = await gateway.EnqueueAsync(caseId, channel, kind, NowMicros(), payload);
            lock (lastLock)
            {
                last[channel] = Math.Max(last.GetValueOrDefault(channel), sequence);
            }
        }

        var loops = new List<Task>
        {
            EveryAsync(TimeSpan.FromMilliseconds(1000.0 * EcgFrameSamples / EcgRate), stop.Token, () => EnqueueAsync(VehicleLinkProtocol.EcgChannel, TelemetryKind.Ecg, TelemetryCodec.EncodeEcg(patient.NextEcg(EcgFrameSamples)))),
            EveryAsync(TimeSpan.FromSeconds(1), stop.Token, () => EnqueueAsync(VehicleLinkProtocol.VitalsChannel, TelemetryKind.Vitals, TelemetryCodec.EncodeVitals(patient.NextVitals()))),
            EveryAsync(TimeSpan.FromSeconds(1), stop.Token, () => Print(new { type = "stats", at = DateTimeOffset.UtcNow, counters = gateway.Counters })),
        };
        if (videoKbps > 0)
        {
            var video = new SyntheticVideo(videoKbps, fps, random);
            loops.Add(EveryAsync(TimeSpan.FromSeconds(1.0 / fps), stop.Token,
                () => EnqueueAsync(VehicleLinkProtocol.VideoChannel, TelemetryKind.Video, TelemetryCodec.EncodeVideo(video.Next()))));
        }

        await Task.WhenAll(loops);
        var drained = drain == 0 || await gateway.WaitUntilDrainedAsync(TimeSpan.FromSeconds(drain));
        Dictionary<string, long> lastCopy;
        lock (lastLock)
        {
            lastCopy = new Dictionary<string, long>(last);
        }

        await Print(new { type = "final", drained, last = lastCopy, counters = gateway.Counters });
        return drained ? 0 : 1;
    }

    /// <summary>Runs the action on a fixed period until cancelled; a tick that runs late is not made up twice.</summary>
    private static async Task EveryAsync(TimeSpan period, CancellationToken stop, Func<Task> action)
    {
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                await action();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private static Task Print(object line) => Console.Out.WriteLineAsync(JsonSerializer.Serialize(line, Json));

    private static long NowMicros() => (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks / 10;
}
