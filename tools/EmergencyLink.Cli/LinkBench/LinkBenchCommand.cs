using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyLink.Cli.Commands;
using EmergencyLink.Cli.Simulation;
using SyntheticVideo = EmergencyLink.Clinical.Synthetic.SyntheticVideo;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Telemetry;
using EmergencyLink.Geo.Maps;
using EmergencyLink.LinkEmulator;
using EmergencyLink.Security;
using EmergencyLink.VehicleLink;

namespace EmergencyLink.Cli.LinkBench;

/// <summary>
/// Vehicle-link benchmarks against a running server (run by <c>tools/bench-link.sh</c>):
/// <c>map</c> writes the demo region with a fleet of N; <c>fleet</c> puts N ambulances on transporting cases, each
/// streaming vitals and ECG (and the first V of them video) to one ED screen that opened its case, and measures loss
/// and latency; <c>profile</c> runs one transport through the link emulator with a named profile.
/// </summary>
public static class LinkBenchCommand
{
    public const string Usage =
        "bench-link map --from FOLDER --vehicles N --out FOLDER | bench-link fleet --url URL --vehicles N [--video N] [--video-kbps 4000] [--seconds 60] [--gateway raw|outbox] [--board false|true] " +
        "[--warmup 5] [--outbox-dir DIR] [--server-pid PID] [--storage-path DB] [--peer false|true] | bench-link profile --url URL --profile 5g|4g|degraded " +
        "[--seconds 300] [--video-kbps 1000] [--outbox-dir DIR] [--storage-path DB]";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0)
        {
            throw new ArgumentException(Usage);
        }

        return args[0] switch
        {
            "map" => WriteMap(new ArgReader(args[1..], "from", "vehicles", "out")),
            "fleet" => await FleetAsync(new ArgReader(args[1..], "url", "vehicles", "video", "video-kbps", "seconds", "warmup", "gateway", "board", "outbox-dir", "server-pid", "storage-path", "peer")),
            "profile" => await ProfileAsync(new ArgReader(args[1..], "url", "profile", "seconds", "video-kbps", "outbox-dir", "storage-path")),
            _ => throw new ArgumentException(Usage),
        };
    }

    /// <summary>A region (the demo's) with a fleet of N spread over its stations, for a server to seed from.</summary>
    private static int WriteMap(ArgReader options)
    {
        var vehicles = options.GetInt("vehicles", 1000, 1, 100_000);
        var output = options.Get("out") ?? throw new ArgumentException("--out is required.");
        var map = RegionMapLoader.Load(options.Get("from") ?? throw new ArgumentException("--from (a region folder, such as maps/demo) is required."));
        var fleet = Enumerable.Range(0, vehicles).Select(i =>
        {
            var station = map.Stations[i % map.Stations.Count];
            return new AmbulanceSeed(string.Create(CultureInfo.InvariantCulture, $"B{i + 1:D4}"), $"Bench {i + 1}", Domain.Units.UnitCapability.ALS, station.Id, station.Location);
        }).ToArray();
        RegionMapWriter.Write(map with { Fleet = fleet }, output);
        Console.WriteLine($"{vehicles} ambulances -> {Path.GetFullPath(output)}");
        return 0;
    }

    private static async Task<int> FleetAsync(ArgReader options)
    {
        var url = new Uri(options.Get("url") ?? throw new ArgumentException("--url is required."));
        var count = options.GetInt("vehicles", 1000, 1, 10_000);
        var videoCount = options.GetInt("video", 0, 0, count);
        var videoKbps = options.GetInt("video-kbps", 4000, 1, 50_000);
        var seconds = options.GetInt("seconds", 60, 1, 3600);
        var warmup = options.GetInt("warmup", 5, 0, 600);
        var outboxes = Scratch(options.Get("outbox-dir") ?? "/dev/shm", "el-bench-");
        var serverPid = options.Get("server-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : (int?)null;
        // Against the peer relay (bench-link-peer) there are no cases to open and no tokens to check: the same senders and
        // screens stream under made-up case ids, with a token the peer ignores.
        var peer = options.Get("peer") == "true";
        var issuer = peer ? null : KeyLocator.Issuer(KeyLocator.StoragePath(options.Get("storage-path")));
        var cases = issuer is null
            ? Enumerable.Range(0, count).Select(i => (Unit: $"B{i + 1:D4}", Case: $"peer-{i + 1}", Hospital: $"H{i % 4}")).ToArray()
            : await OpenCasesAsync(url, issuer, count);
        Console.Error.WriteLine($"{cases.Count} cases transporting");
        var board = options.Get("board") == "true";
        var viewers = await ParallelAsync(cases, 32, c => BenchViewer.OpenAsync(url, issuer is null ? "peer" : EdToken(issuer, c.Hospital), c.Case, c.Hospital, board));
        var outbox = (options.Get("gateway") ?? "raw") switch
        {
            "raw" => false,
            "outbox" => true,
            _ => throw new ArgumentException("--gateway must be raw (bare uploads: measures the server) or outbox (the real gateway library)."),
        };
        var gateways = cases.Select(c => outbox
            ? (IFrameSink)new GatewaySink(new VehicleGateway(new VehicleGatewayOptions
            {
                ServerUrl = url,
                VehicleId = c.Unit,
                AccessTokenProvider = () => Task.FromResult<string?>(issuer is null ? "peer" : CrewToken(issuer, c.Unit)),
                OutboxPath = Path.Combine(outboxes, c.Unit + ".db"),
            }))
            : UploadSink.Create(url, c.Unit, () => Task.FromResult<string?>(issuer is null ? "peer" : CrewToken(issuer, c.Unit)))).ToArray();
        try
        {
            await ParallelAsync(gateways, 32, async g =>
            {
                await g.StartAsync();
                return true;
            });
            await WaitAsync(() => gateways.All(g => g.Connected), TimeSpan.FromSeconds(120));
            Console.Error.WriteLine($"{gateways.Length} gateways connected, {viewers.Count} viewers watching");

            var monitors = cases.Select((c, i) => new Monitor(gateways[i], c.Case, i, i < videoCount ? new SyntheticVideo(videoKbps, 25, new Random(i)) : null)).ToArray();
            var producing = ProduceAsync(monitors, TimeSpan.FromSeconds(warmup + seconds));
            await Task.Delay(TimeSpan.FromSeconds(warmup));
            foreach (var v in viewers)
            {
                v.StartMeasuring();
            }

            var before = serverPid is { } p1 ? ProcessUsage.Read(p1) : null;
            var self = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var late = await producing;
            var measured = clock.Elapsed.TotalSeconds;
            var after = serverPid is { } p2 ? ProcessUsage.Read(p2) : null;
            var selfCpu = (Process.GetCurrentProcess().TotalProcessorTime - self).TotalSeconds;

            var drained = await WaitAsync(() => gateways.All(g => g.Queued == 0), TimeSpan.FromSeconds(60));
            await WaitAsync(() => monitors.Select((m, i) => (m, i)).All(x => x.m.Last.All(l => viewers[x.i].Count(l.Key) >= l.Value)), TimeSpan.FromSeconds(30));
            var expected = monitors.Sum(m => m.Last.Values.Sum());
            var lost = monitors.Select((m, i) => m.Last.Sum(l => Math.Max(0, l.Value - viewers[i].Count(l.Key)))).Sum();
            var samples = viewers.SelectMany(v => v.Samples).ToArray();
            var clinical = samples.Where(s => s.Channel != VehicleLinkProtocol.VideoChannel).ToArray();
            var video = samples.Where(s => s.Channel == VehicleLinkProtocol.VideoChannel).ToArray();
            var result = new
            {
                vehicles = count,
                server = peer ? "peer" : "ours",
                gateway = outbox ? "outbox" : "raw",
                screensOnBoardFeed = board,
                uploadFailures = gateways.OfType<UploadSink>().Sum(g => g.Failures),
                videoStreams = videoCount,
                videoKbps,
                seconds = Math.Round(measured, 1),
                framesIn = Math.Round(clinical.Length / measured),
                framesExpected = expected,
                framesLost = lost,
                repeatedDeliveriesDiscarded = viewers.Sum(v => v.Repeated),
                screensDisconnected = viewers.Count(v => !v.Connected),
                drained,
                producerTicksLate = late,
                ecgVitals = Figures(clinical),
                video = video.Length == 0 ? null : Figures(video),
                thinned = gateways.OfType<GatewaySink>().Sum(g => g.Thinned),
                serverCpuCores = before is null || after is null ? (double?)null : Math.Round((after.CpuSeconds - before.CpuSeconds) / measured, 2),
                serverRssMiB = after?.RssMiB,
                serverPeakRssMiB = after?.PeakRssMiB,
                loadGeneratorCpuCores = Math.Round(selfCpu / measured, 2),
            };
            Console.WriteLine(JsonSerializer.Serialize(result, Json));
            return lost == 0 ? 0 : 1;
        }
        finally
        {
            await Task.WhenAll(gateways.Select(g => g.DisposeAsync().AsTask()));
            await Task.WhenAll(viewers.Select(v => v.DisposeAsync().AsTask()));
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(outboxes, recursive: true);
        }
    }

    /// <summary>One vehicle through the link emulator for a whole transport: continuity and latency as the ED sees them.</summary>
    private static async Task<int> ProfileAsync(ArgReader options)
    {
        var url = new Uri(options.Get("url") ?? throw new ArgumentException("--url is required."));
        var name = options.Get("profile") ?? "5g";
        var profile = LinkProfiles.Named.TryGetValue(name, out var p) ? p : throw new ArgumentException("--profile must be 5g, 4g or degraded.");
        var seconds = options.GetInt("seconds", 300, 1, 7200);
        var videoKbps = options.GetInt("video-kbps", 1000, 0, 50_000);
        var outboxes = Scratch(options.Get("outbox-dir") ?? Path.GetTempPath(), "el-profile-");
        var issuer = KeyLocator.Issuer(KeyLocator.StoragePath(options.Get("storage-path")));

        var one = (await OpenCasesAsync(url, issuer, 1))[0];
        var viewer = await BenchViewer.OpenAsync(url, EdToken(issuer, one.Hospital), one.Case);
        var upstream = new IPEndPoint(IPAddress.Loopback, url.Port);
        await using var link = new LinkProxy(profile with { Seed = 20261202 }, new IPEndPoint(IPAddress.Loopback, 0), upstream);
        link.Start();
        var gateway = new VehicleGateway(new VehicleGatewayOptions
        {
            ServerUrl = new Uri($"http://127.0.0.1:{link.ListenEndPoint.Port}"),
            VehicleId = one.Unit,
            AccessTokenProvider = () => Task.FromResult<string?>(CrewToken(issuer, one.Unit)),
            OutboxPath = Path.Combine(outboxes, "outbox.db"),
        });
        try
        {
            await gateway.StartAsync();
            var monitor = new Monitor(new GatewaySink(gateway), one.Case, 0, videoKbps > 0 ? new SyntheticVideo(videoKbps, 25, new Random(1)) : null);
            viewer.StartMeasuring();
            await ProduceAsync([monitor], TimeSpan.FromSeconds(seconds));
            var drained = await gateway.WaitUntilDrainedAsync(TimeSpan.FromSeconds(120));
            await WaitAsync(() => monitor.Last.All(l => viewer.Count(l.Key) >= l.Value), TimeSpan.FromSeconds(30));
            var samples = viewer.Samples.ToArray();
            using var http = Admin(url, issuer);
            var report = await http.GetFromJsonAsync<JsonElement>($"/api/incidents/{one.Case}/telemetry");
            var result = new
            {
                profile = name,
                seconds,
                videoKbps,
                drained,
                outages = link.Counters.Snapshot().Outages,
                lost = monitor.Last.Sum(l => Math.Max(0, l.Value - viewer.Count(l.Key))),
                ecg = Figures(samples.Where(s => s.Channel == VehicleLinkProtocol.EcgChannel).ToArray()),
                vitals = Figures(samples.Where(s => s.Channel == VehicleLinkProtocol.VitalsChannel).ToArray()),
                video = videoKbps > 0 ? Figures(samples.Where(s => s.Channel == VehicleLinkProtocol.VideoChannel).ToArray()) : null,
                gateway = gateway.Counters,
                continuity = report.GetProperty("channels"),
            };
            Console.WriteLine(JsonSerializer.Serialize(result, Json));
            return result.lost == 0 ? 0 : 1;
        }
        finally
        {
            await gateway.DisposeAsync();
            await viewer.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(outboxes, recursive: true);
        }
    }

    /// <summary>Ticks every 40 ms for every monitor at once; returns how many ticks ran late (the generator fell behind).</summary>
    private static async Task<int> ProduceAsync(IReadOnlyList<Monitor> monitors, TimeSpan duration)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(40));
        var clock = Stopwatch.StartNew();
        var late = 0;
        for (var tick = 0; clock.Elapsed < duration && await timer.WaitForNextTickAsync(); tick++)
        {
            var started = clock.Elapsed;
            await Task.WhenAll(monitors.Select(m => m.TickAsync(tick)));
            late += clock.Elapsed - started > TimeSpan.FromMilliseconds(40) ? 1 : 0;
        }

        return late;
    }

    private static object Figures((string Channel, double CaptureToViewerMs, double ServerToViewerMs, double CaptureToServerMs)[] samples)
    {
        double At(double[] sorted, double q) => sorted.Length == 0 ? double.NaN : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)], 2);
        var e2e = samples.Select(s => s.CaptureToViewerMs).Order().ToArray();
        var platform = samples.Select(s => s.ServerToViewerMs).Order().ToArray();
        var uplink = samples.Select(s => s.CaptureToServerMs).Order().ToArray();
        return new
        {
            frames = samples.Length,
            captureToEdP50Ms = At(e2e, 0.5),
            captureToEdP99Ms = At(e2e, 0.99),
            captureToEdMaxMs = e2e.Length == 0 ? double.NaN : Math.Round(e2e[^1], 2),
            serverToEdP50Ms = At(platform, 0.5),
            serverToEdP99Ms = At(platform, 0.99),
            captureToServerP50Ms = At(uplink, 0.5),
            captureToServerP99Ms = At(uplink, 0.99),
        };
    }

    private static async Task<IReadOnlyList<(string Unit, string Case, string Hospital)>> OpenCasesAsync(Uri url, TokenIssuer issuer, int count)
    {
        using var http = Admin(url, issuer);
        var units = (await http.GetFromJsonAsync<JsonElement>("/api/ambulances")).EnumerateArray()
            .Where(u => u.GetProperty("status").GetString() == "Available").Select(u => (Id: u.GetProperty("id").GetString()!, Location: u.GetProperty("location"))).ToArray();
        var hospitals = (await http.GetFromJsonAsync<JsonElement>("/api/hospitals")).EnumerateArray().Select(h => h.GetProperty("id").GetString()!).ToArray();
        if (units.Length < count)
        {
            throw new ArgumentException($"Only {units.Length} units are available; seed the server with a bigger fleet (bench-link map).");
        }

        return await ParallelAsync(units.Take(count).Select((u, i) => (u, hospitals[i % hospitals.Length])).ToArray(), 16, async x =>
        {
            var created = await http.PostAsJsonAsync("/api/incidents", new
            {
                location = new { lat = x.u.Location.GetProperty("lat").GetDouble(), lon = x.u.Location.GetProperty("lon").GetDouble() },
                complaint = "benchmark transport",
                priority = 2,
            });
            var id = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            foreach (var step in new object[]
            {
                new { trigger = "Triage" }, new { trigger = "Assign", ambulanceId = x.u.Id }, new { trigger = "EnRoute" },
                new { trigger = "ArriveScene" }, new { trigger = "Transport", hospitalId = x.Item2 },
            })
            {
                (await http.PostAsJsonAsync($"/api/incidents/{id}/transitions", step)).EnsureSuccessStatusCode();
            }

            return (x.u.Id, id, x.Item2);
        });
    }

    private static async Task<IReadOnlyList<TResult>> ParallelAsync<T, TResult>(IReadOnlyList<T> items, int width, Func<T, Task<TResult>> action)
    {
        var results = new TResult[items.Count];
        await Parallel.ForAsync(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = width }, async (i, _) => results[i] = await action(items[i]));
        return results;
    }

    private static string Scratch(string parent, string prefix)
    {
        var folder = Path.Combine(parent, prefix + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static async Task<bool> WaitAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    private static HttpClient Admin(Uri url, TokenIssuer issuer)
    {
        var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Issue(new TokenRequest(Roles.Admin, "bench-link"), TimeSpan.FromHours(4)));
        return http;
    }

    private static string EdToken(TokenIssuer issuer, string hospital) =>
        issuer.Issue(new TokenRequest(Roles.Ed, $"ED {hospital}", null, hospital), TimeSpan.FromHours(4));

    private static string CrewToken(TokenIssuer issuer, string unit) =>
        issuer.Issue(new TokenRequest(Roles.Crew, $"gateway {unit}", unit, null), TimeSpan.FromHours(4));
}
