using System.Diagnostics;
using System.Net;
using System.Text.Json;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Telemetry;
using EmergencyLink.LinkEmulator;
using EmergencyLink.Security;
using EmergencyLink.VehicleLink;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace EmergencyLink.EndToEnd.Tests;

/// <summary>
/// The vehicle link end to end: a real gateway (outbox, reconnection) streaming to the real server, an ED viewer on
/// the hospital hub. Every test ends by asserting that the ED holds every frame of every channel exactly once.
/// </summary>
public sealed class VehicleLinkTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("emergencylink-link-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }

    private VehicleGateway Gateway(ServerProcess server, string unit, Uri? via = null) => new(new VehicleGatewayOptions
    {
        ServerUrl = via ?? server.BaseAddress,
        VehicleId = unit,
        AccessTokenProvider = () => Task.FromResult<string?>(server.Token(Roles.Crew, vehicle: unit)),
        OutboxPath = Path.Combine(folder, $"outbox-{unit}.db"),
        ReconnectDelays = [TimeSpan.Zero, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500)],
    });

    private static async Task AssertEveryFrameOnceAsync(EdViewer viewer, IReadOnlyDictionary<string, long> last)
    {
        foreach (var (channel, count) in last)
        {
            Assert.True(await viewer.WaitForAsync(channel, count, TimeSpan.FromSeconds(30)), $"{channel}: the ED holds {viewer.Sequences(channel).Length} of {count}");
            Assert.Equal(Enumerable.Range(1, (int)count).Select(i => (long)i), viewer.Sequences(channel));
        }
    }

    [Fact]
    public async Task A_thirty_second_coverage_hole_is_backfilled_while_live_frames_go_first()
    {
        await using var server = new ServerProcess(Path.Combine(folder, "server"));
        await server.StartAsync();
        var (caseId, unit, hospital) = await TransportingCase.StartAsync(server);
        await using var viewer = await EdViewer.ConnectAsync(server, hospital, caseId);
        var upstream = new IPEndPoint(IPAddress.Loopback, server.BaseAddress.Port);
        await using var link = new LinkProxy(LinkProfiles.Named["4g"] with { Seed = 7 }, new IPEndPoint(IPAddress.Loopback, 0), upstream);
        link.Start();
        await using var gateway = Gateway(server, unit, new Uri($"http://127.0.0.1:{link.ListenEndPoint.Port}"));
        await gateway.StartAsync();
        var stream = new LiveStream(gateway, caseId);

        var streaming = stream.RunAsync(TimeSpan.FromSeconds(38));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var holeStart = Micros(DateTimeOffset.UtcNow);
        link.BeginOutage(TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(30));
        var holeEnd = Micros(DateTimeOffset.UtcNow);
        await streaming;
        Assert.True(await gateway.WaitUntilDrainedAsync(TimeSpan.FromSeconds(30)), "the outbox did not drain");

        var last = new Dictionary<string, long>
        {
            ["ecg"] = stream.LastSequence("ecg"),
            ["vitals"] = stream.LastSequence("vitals"),
        };
        await AssertEveryFrameOnceAsync(viewer, last);

        // The hole's frames reached the ED only after it, and live frames captured after it did not queue behind them.
        var arrivals = viewer.Arrivals.Where(a => a.Frame.Channel == "ecg").ToArray();
        var backlog = arrivals.Where(a => a.Frame.CapturedAtMicros > holeStart + 2_000_000 && a.Frame.CapturedAtMicros < holeEnd - 1_000_000).ToArray();
        var liveAfter = arrivals.Where(a => a.Frame.CapturedAtMicros > holeEnd + 4_000_000).ToArray();
        Assert.NotEmpty(backlog);
        Assert.All(backlog, a => Assert.True(a.ReceivedMicros > holeEnd - 500_000));
        var liveLatency = liveAfter.Select(a => (a.ReceivedMicros - a.Frame.CapturedAtMicros) / 1000.0).Order().ToArray();
        output.WriteLine($"backlog {backlog.Length} ECG frames; live after the hole: p50 {liveLatency[liveLatency.Length / 2]:F0} ms, max {liveLatency[^1]:F0} ms");
        Assert.True(liveLatency[(int)(liveLatency.Length * 0.95)] < 1000, $"live ECG after the hole p95 {liveLatency[(int)(liveLatency.Length * 0.95)]:F0} ms");

        var report = await TelemetryReportAsync(server, caseId);
        var ecg = report.EnumerateArray().Single(c => c.Str("channel") == "ecg");
        output.WriteLine(ecg.ToString());
        Assert.Equal(last["ecg"], ecg.GetProperty("received").GetInt64());
        Assert.Equal(0, ecg.GetProperty("missing").GetInt64());
        Assert.Empty(ecg.GetProperty("openGaps").EnumerateArray());
        Assert.True(ecg.GetProperty("backfilled").GetInt64() > 0, "the hole was not reported as backfilled");
        Assert.True(ecg.GetProperty("late").GetInt64() >= backlog.Length);
    }

    [Fact]
    public async Task A_server_killed_mid_stream_loses_nothing_and_the_ed_sees_each_frame_once()
    {
        await using var server = new ServerProcess(Path.Combine(folder, "server"));
        await server.StartAsync();
        var (caseId, unit, hospital) = await TransportingCase.StartAsync(server);
        await using var viewer = await EdViewer.ConnectAsync(server, hospital, caseId);
        await using var gateway = Gateway(server, unit);
        await gateway.StartAsync();
        var stream = new LiveStream(gateway, caseId);

        var streaming = stream.RunAsync(TimeSpan.FromSeconds(12));
        await Task.Delay(TimeSpan.FromSeconds(4));
        server.Kill();
        await server.StartAsync();
        await streaming;
        Assert.True(await gateway.WaitUntilDrainedAsync(TimeSpan.FromSeconds(30)), "the outbox did not drain");

        await AssertEveryFrameOnceAsync(viewer, new Dictionary<string, long> { ["ecg"] = stream.LastSequence("ecg"), ["vitals"] = stream.LastSequence("vitals") });
        output.WriteLine($"the ED discarded {viewer.Discarded} repeated deliveries; gateway: {gateway.Counters}");

        // The screen's own account of the last leg is kept with the server's figures.
        var ed = server.Client(server.Token(Roles.Ed, hospital: hospital));
        (await ed.PostJsonAsync($"/api/incidents/{caseId}/telemetry/screens", viewer.Report("resus 2"))).Expect(HttpStatusCode.NoContent);
        var screens = (await server.Dispatcher().GetJsonAsync($"/api/incidents/{caseId}/telemetry")).Expect(HttpStatusCode.OK).GetProperty("screens");
        var seen = screens.EnumerateArray().Single();
        Assert.Equal("resus 2", seen.Str("screen"));
        Assert.Equal(stream.LastSequence("ecg"), seen.GetProperty("channels").EnumerateArray().Single(c => c.Str("channel") == "ecg").GetProperty("frames").GetInt64());
        // Every frame was acknowledged, so every frame must be in the archive; read until the report shows it (bounded).
        JsonElement ecg = default;
        for (var attempt = 0; attempt < 40; attempt++)
        {
            ecg = (await TelemetryReportAsync(server, caseId)).EnumerateArray().Single(c => c.Str("channel") == "ecg");
            if (ecg.GetProperty("received").GetInt64() == stream.LastSequence("ecg"))
            {
                break;
            }

            await Task.Delay(250);
        }

        Assert.Equal(0, ecg.GetProperty("missing").GetInt64());
        Assert.Equal(stream.LastSequence("ecg"), ecg.GetProperty("received").GetInt64());
    }

    [Fact]
    public async Task A_gateway_killed_mid_stream_resumes_from_its_outbox()
    {
        await using var server = new ServerProcess(Path.Combine(folder, "server"));
        await server.StartAsync();
        var (caseId, unit, hospital) = await TransportingCase.StartAsync(server);
        await using var viewer = await EdViewer.ConnectAsync(server, hospital, caseId);
        var outbox = Path.Combine(folder, "sim-outbox.db");

        using (var first = Simulator(server, unit, caseId, outbox, seconds: 0))
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        using var second = Simulator(server, unit, caseId, outbox, seconds: 3);
        var lines = new List<string>();
        while (await second.StandardOutput.ReadLineAsync() is { } line)
        {
            lines.Add(line);
        }

        await second.WaitForExitAsync();
        var final = JsonDocument.Parse(lines.Last(l => l.Contains("\"final\"", StringComparison.Ordinal))).RootElement;
        Assert.True(final.GetProperty("drained").GetBoolean(), string.Join('\n', lines.TakeLast(3)));
        var last = final.GetProperty("last").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
        Assert.True(last["ecg"] > 5 * 25, $"the second gateway ended at ECG sequence {last["ecg"]}: the first one's frames were not continued");
        await AssertEveryFrameOnceAsync(viewer, last);
        output.WriteLine($"ECG 1..{last["ecg"]}, vitals 1..{last["vitals"]}; the ED discarded {viewer.Discarded} repeated deliveries");
    }

    [Fact]
    public async Task Bad_frames_are_refused_each_with_its_reason_and_the_ed_gets_only_the_good_ones_once()
    {
        await using var server = new ServerProcess(Path.Combine(folder, "server"));
        await server.StartAsync();
        var (caseId, unit, hospital) = await TransportingCase.StartAsync(server, unitIndex: 0);
        var (otherCase, _, _) = await TransportingCase.StartAsync(server, unitIndex: 1);
        await using var viewer = await EdViewer.ConnectAsync(server, hospital, caseId);
        await using var link = await RawLinkAsync(server, server.Token(Roles.Crew, vehicle: unit));

        TelemetryFrame Vitals(long sequence) => new(unit, caseId, "vitals", TelemetryKind.Vitals, sequence, Micros(DateTimeOffset.UtcNow),
            TelemetryCodec.EncodeVitals(new VitalSigns(80, 97, 120, 80, 93, 16, 35, 37)));
        var reordered = await UploadAsync(link, [Vitals(3), Vitals(1), Vitals(2), Vitals(2), Vitals(1)]);
        var refused = await UploadAsync(link,
        [
            Vitals(4) with { Payload = [1, 2, 3] },
            Vitals(5) with { VehicleId = "someone-else" },
            Vitals(6) with { CaseId = otherCase },
            Vitals(7) with { Channel = "video", Kind = TelemetryKind.Video, Payload = TelemetryCodec.EncodeVideo(new VideoFrame(true, 640, 480, "jpeg", new byte[2 << 20])) },
            Vitals(8) with { Channel = "Bad Channel!" },
            Vitals(4),
        ]);

        Assert.Empty(reordered.Rejected);
        Assert.Equal(3, reordered.Channels.Single().ContiguousThrough);
        Assert.Equal(5, refused.Rejected.Count);
        string[] reasons = ["vitals payload", "this link is vehicle", "not assigned to vehicle", "exceeds the limit", "channel must be"];
        foreach (var (rejection, reason) in refused.Rejected.Zip(reasons))
        {
            Assert.Contains(reason, rejection.Reason, StringComparison.Ordinal);
        }

        Assert.Equal(4, refused.Channels.Single(c => c.Channel == "vitals").ContiguousThrough);
        await AssertEveryFrameOnceAsync(viewer, new Dictionary<string, long> { ["vitals"] = 4 });
        await Task.Delay(500);
        Assert.Equal(4, viewer.Count);

        // An ED token cannot open the vehicle link at all.
        var ed = await Assert.ThrowsAnyAsync<Exception>(async () => await RawLinkAsync(server, server.Token(Roles.Ed, hospital: hospital)));
        Assert.Contains("403", ed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_diverted_patient_stream_stops_reaching_the_screens_of_the_first_hospital()
    {
        await using var server = new ServerProcess(Path.Combine(folder, "server"));
        await server.StartAsync();
        var (caseId, unit, first) = await TransportingCase.StartAsync(server);
        var second = (await server.Dispatcher().GetJsonAsync("/api/hospitals")).Expect(HttpStatusCode.OK).EnumerateArray()
            .Select(h => h.Str("id")).First(h => h != first);
        await using var before = await EdViewer.ConnectAsync(server, first, caseId);
        await using var link = await RawLinkAsync(server, server.Token(Roles.Crew, vehicle: unit));
        TelemetryFrame Ecg(long sequence) => new(unit, caseId, "ecg", TelemetryKind.Ecg, sequence, Micros(DateTimeOffset.UtcNow),
            TelemetryCodec.EncodeEcg(new EcgBlock(500, 1, (sequence - 1) * 20, [.. Enumerable.Range(0, 12).Select(_ => new short[20])])));

        Assert.Empty((await UploadAsync(link, [Ecg(1), Ecg(2), Ecg(3)])).Rejected);
        Assert.True(await before.WaitForAsync("ecg", 3, TimeSpan.FromSeconds(10)));
        (await server.Client(server.Token(Roles.Admin)).PostJsonAsync($"/api/incidents/{caseId}/transitions", new { trigger = "Divert", hospitalId = second }))
            .Expect(HttpStatusCode.OK);

        await using var after = await EdViewer.ConnectAsync(server, second, caseId);
        Assert.Empty((await UploadAsync(link, [Ecg(4), Ecg(5), Ecg(6)])).Rejected);
        await AssertEveryFrameOnceAsync(after, new Dictionary<string, long> { ["ecg"] = 6 });
        await Task.Delay(500);
        Assert.Equal([1L, 2, 3], before.Sequences("ecg"));
        var refused = await Assert.ThrowsAnyAsync<Exception>(async () => await EdViewer.ConnectAsync(server, first, caseId));
        Assert.Contains("not inbound to your hospital", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<HubConnection> RawLinkAsync(ServerProcess server, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, VehicleLinkProtocol.HubPath), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .AddMessagePackProtocol()
            .Build();
        await connection.StartAsync();
        return connection;
    }

    private static Task<UploadAck> UploadAsync(HubConnection link, TelemetryFrame[] frames) =>
        link.InvokeAsync<UploadAck>(VehicleLinkProtocol.Upload, frames);

    private static async Task<JsonElement> TelemetryReportAsync(ServerProcess server, string caseId) =>
        (await server.Dispatcher().GetJsonAsync($"/api/incidents/{caseId}/telemetry")).Expect(HttpStatusCode.OK).GetProperty("channels");

    private static Process Simulator(ServerProcess server, string unit, string caseId, string outbox, int seconds)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Binaries.Cli(), "simulate", "--url", server.BaseAddress.ToString(), "--vehicle", unit, "--case", caseId,
                "--outbox", outbox, "--seconds", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--token", server.Token(Roles.Crew, vehicle: unit),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        if (seconds == 0)
        {
            // Nobody reads a process that is only there to be killed; don't let a full pipe stall it.
            process.OutputDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
        }

        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }

    private static long Micros(DateTimeOffset t) => (t - DateTimeOffset.UnixEpoch).Ticks / 10;
}
