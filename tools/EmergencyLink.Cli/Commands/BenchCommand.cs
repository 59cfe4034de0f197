using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyLink.Security;

namespace EmergencyLink.Cli.Commands;

/// <summary>
/// <c>bench --url http://127.0.0.1:5080 [--cases 600] [--concurrency 16] [--storage-path FILE]</c>: drives whole case
/// lifecycles (create, triage, assign, en route, on scene, transport, at hospital, handover, close) over HTTP
/// against a running server and prints throughput and latency per request kind. Each worker owns its own units, so
/// the load measures the server, not contention for ambulances.
/// </summary>
public static class BenchCommand
{
    public const string Usage = "bench --url URL [--cases N] [--concurrency N] [--warmup N] [--storage-path FILE]";

    private static readonly string[] Steps =
        ["Triage", "Assign", "EnRoute", "ArriveScene", "Transport", "ArriveHospital", "Handover", "Close"];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new ArgReader(args, "url", "cases", "concurrency", "warmup", "storage-path");
        var url = new Uri(options.Get("url") ?? throw new ArgumentException("--url is required."));
        var cases = options.GetInt("cases", 600, 1, 1_000_000);
        var concurrency = options.GetInt("concurrency", 16, 1, 256);
        var warmup = options.GetInt("warmup", 48, 0, 100_000);
        var token = KeyLocator.Issuer(KeyLocator.StoragePath(options.Get("storage-path")))
            .Issue(new TokenRequest(Roles.Admin, "bench"), TimeSpan.FromHours(2));

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency })
        {
            BaseAddress = url,
            Timeout = TimeSpan.FromSeconds(30),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var units = (await http.GetFromJsonAsync<JsonElement>("/api/ambulances"))
            .EnumerateArray().Where(u => u.GetProperty("status").GetString() == "Available")
            .Select(u => (Id: u.GetProperty("id").GetString()!, Location: u.GetProperty("location"))).ToArray();
        var hospital = (await http.GetFromJsonAsync<JsonElement>("/api/hospitals")).EnumerateArray().First().GetProperty("id").GetString()!;
        if (units.Length < concurrency)
        {
            throw new ArgumentException($"Only {units.Length} units are available; use --concurrency {units.Length} or less.");
        }

        if (warmup > 0)
        {
            await RunAsync(http, units, hospital, warmup, concurrency, new Recorder());
        }

        var recorder = new Recorder();
        var clock = Stopwatch.StartNew();
        await RunAsync(http, units, hospital, cases, concurrency, recorder);
        var elapsed = clock.Elapsed.TotalSeconds;

        var transitions = recorder.Count("transition");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{cases} cases, {concurrency} workers, {elapsed:F2} s: {cases / elapsed:F1} cases/s, " +
            $"{transitions / elapsed:F1} transitions/s, {(transitions + cases) / elapsed:F1} requests/s"));
        Console.WriteLine("request      count    p50 ms   p90 ms   p99 ms   max ms");
        foreach (var kind in new[] { "create", "transition", "all" })
        {
            var (count, p50, p90, p99, max) = recorder.Summary(kind);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind,-12} {count,6} {p50,9:F2} {p90,8:F2} {p99,8:F2} {max,8:F2}"));
        }

        return recorder.Failures == 0 ? 0 : 1;
    }

    private static async Task RunAsync(HttpClient http, (string Id, JsonElement Location)[] units, string hospital,
        int cases, int concurrency, Recorder recorder)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var unit = units[worker];
            while (Interlocked.Increment(ref next) < cases)
            {
                await LifecycleAsync(http, unit.Id, unit.Location, hospital, recorder);
            }
        }));
    }

    private static async Task LifecycleAsync(HttpClient http, string unit, JsonElement at, string hospital, Recorder recorder)
    {
        var call = new
        {
            location = new { lat = at.GetProperty("lat").GetDouble() + 0.002, lon = at.GetProperty("lon").GetDouble() },
            complaint = "benchmark: breathing difficulty",
            priority = 2,
        };
        var created = await TimedAsync(recorder, "create", () => http.PostAsJsonAsync("/api/incidents", call));
        var id = created.GetProperty("id").GetString()!;
        foreach (var step in Steps)
        {
            object body = step switch
            {
                "Assign" => new { trigger = step, ambulanceId = unit },
                "Transport" => new { trigger = step, hospitalId = hospital },
                _ => new { trigger = step },
            };
            await TimedAsync(recorder, "transition", () => http.PostAsJsonAsync($"/api/incidents/{id}/transitions", body));
        }
    }

    private static async Task<JsonElement> TimedAsync(Recorder recorder, string kind, Func<Task<HttpResponseMessage>> send)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await send();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        recorder.Add(kind, Stopwatch.GetElapsedTime(started).TotalMilliseconds, response.IsSuccessStatusCode);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{kind} failed with {(int)response.StatusCode}: {body}");
        }

        return body;
    }
}
