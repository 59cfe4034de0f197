using System.Globalization;
using System.Net;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Telemetry;
using EmergencyLink.Security;
using EmergencyLink.VehicleLink;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyLink.EndToEnd.Tests;

/// <summary>
/// Two real server processes forming one Orleans cluster on loopback (development clustering: the second names the
/// first as its primary; one SQLite file, as one machine would have), so a grain and the screen that shows its
/// changes may be on different nodes.
/// </summary>
public sealed class CrossNodeLiveTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("emergencylink-nodes-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Two nodes on one folder: the first is the primary silo, the second joins it.</summary>
    private async Task<(ServerProcess First, ServerProcess Second)> StartNodesAsync()
    {
        var primary = FreePorts.Take(2);
        var first = new ServerProcess(folder, new Dictionary<string, string>
        {
            ["Orleans__SiloPort"] = primary[0].ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = primary[1].ToString(CultureInfo.InvariantCulture),
        });
        await first.StartAsync();
        var second = new ServerProcess(folder, new Dictionary<string, string>
        {
            ["Orleans__PrimarySiloPort"] = primary[0].ToString(CultureInfo.InvariantCulture),
        });
        await second.StartAsync();
        return (first, second);
    }

    [Fact]
    public async Task Telemetry_uploaded_through_one_node_reaches_ed_screens_on_both_nodes_live_and_once()
    {
        var (first, second) = await StartNodesAsync();
        await using var firstNode = first;
        await using var secondNode = second;

        var transport = await TransportingCase.StartAsync(first);

        // Whichever node the case's telemetry grain lands on, one of these two screens is on the other node.
        await using var onFirst = await EdViewer.ConnectAsync(first, transport.HospitalId, transport.CaseId);
        await using var onSecond = await EdViewer.ConnectAsync(second, transport.HospitalId, transport.CaseId);
        await using var gateway = new VehicleGateway(new VehicleGatewayOptions
        {
            ServerUrl = first.BaseAddress,
            VehicleId = transport.UnitId,
            AccessTokenProvider = () => Task.FromResult<string?>(first.Token(Roles.Crew, vehicle: transport.UnitId)),
            OutboxPath = Path.Combine(folder, "outbox.db"),
        });
        await gateway.StartAsync();
        var stream = new LiveStream(gateway, transport.CaseId);
        await stream.RunAsync(TimeSpan.FromSeconds(4));
        var ecg = stream.LastSequence(VehicleLinkProtocol.EcgChannel);
        var vitals = stream.LastSequence(VehicleLinkProtocol.VitalsChannel);
        Assert.True(ecg >= 50, $"only {ecg} ECG frames streamed");

        foreach (var (name, screen) in new[] { ("first", onFirst), ("second", onSecond) })
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (screen.Count < ecg + vitals && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            // Every frame pushed live (no catch-up read was made), each as often as on a single server: an ECG frame
            // once (to the screens that opened the case), a vitals frame twice (the board's summary and the case's
            // stream reach the same ED screen; the screen keeps one).
            Assert.True(screen.Count == ecg + vitals, $"the screen on the {name} node holds {screen.Count} of {ecg + vitals} frames\n{first.Output}\n{second.Output}");
            Assert.Equal(Enumerable.Range(1, (int)ecg).Select(s => (long)s), screen.Sequences(VehicleLinkProtocol.EcgChannel));
            Assert.All(screen.Arrivals, a => Assert.False(a.Replay));
            Assert.Equal(vitals, screen.Discarded);
        }
    }

    [Fact]
    public async Task A_diverted_patient_stream_stops_reaching_the_first_hospitals_screens_on_every_node()
    {
        var (first, second) = await StartNodesAsync();
        await using var firstNode = first;
        await using var secondNode = second;
        var (caseId, unit, hospital) = await TransportingCase.StartAsync(first);
        var other = (await first.Dispatcher().GetJsonAsync("/api/hospitals")).Expect(HttpStatusCode.OK).EnumerateArray()
            .Select(h => h.Str("id")).First(h => h != hospital);
        await using var onFirst = await EdViewer.ConnectAsync(first, hospital, caseId);
        await using var onSecond = await EdViewer.ConnectAsync(second, hospital, caseId);
        var token = first.Token(Roles.Crew, vehicle: unit);
        await using var link = new HubConnectionBuilder()
            .WithUrl(new Uri(first.BaseAddress, VehicleLinkProtocol.HubPath), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .AddMessagePackProtocol()
            .Build();
        await link.StartAsync();
        TelemetryFrame Ecg(long sequence) => new(unit, caseId, "ecg", TelemetryKind.Ecg, sequence,
            (long)(DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalMicroseconds,
            TelemetryCodec.EncodeEcg(new EcgBlock(500, 1, (sequence - 1) * 20, [.. Enumerable.Range(0, 12).Select(_ => new short[20])])));

        Assert.Empty((await link.InvokeAsync<UploadAck>(VehicleLinkProtocol.Upload, new[] { Ecg(1), Ecg(2), Ecg(3) })).Rejected);
        Assert.True(await onFirst.WaitForAsync("ecg", 3, TimeSpan.FromSeconds(10)));
        Assert.True(await onSecond.WaitForAsync("ecg", 3, TimeSpan.FromSeconds(10)));
        (await first.Client(first.Token(Roles.Admin)).PostJsonAsync($"/api/incidents/{caseId}/transitions", new { trigger = "Divert", hospitalId = other }))
            .Expect(HttpStatusCode.OK);

        // The new destination's screen on the second node gets the rest; the first hospital's screens on both nodes,
        // each dropped from the case's group by its own node, get nothing more.
        await using var after = await EdViewer.ConnectAsync(second, other, caseId);
        Assert.Empty((await link.InvokeAsync<UploadAck>(VehicleLinkProtocol.Upload, new[] { Ecg(4), Ecg(5), Ecg(6) })).Rejected);
        Assert.True(await after.WaitForAsync("ecg", 6, TimeSpan.FromSeconds(10)));
        await Task.Delay(500);
        Assert.Equal([1L, 2, 3], onFirst.Sequences("ecg"));
        Assert.Equal([1L, 2, 3], onSecond.Sequences("ecg"));
    }
}
