using System.Globalization;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Security;
using EmergencyLink.VehicleLink;

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

    [Fact]
    public async Task Telemetry_uploaded_through_one_node_reaches_ed_screens_on_both_nodes_live_and_once()
    {
        var primary = FreePorts.Take(2);
        await using var first = new ServerProcess(folder, new Dictionary<string, string>
        {
            ["Orleans__SiloPort"] = primary[0].ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = primary[1].ToString(CultureInfo.InvariantCulture),
        });
        await first.StartAsync();
        await using var second = new ServerProcess(folder, new Dictionary<string, string>
        {
            ["Orleans__PrimarySiloPort"] = primary[0].ToString(CultureInfo.InvariantCulture),
        });
        await second.StartAsync();

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
}
