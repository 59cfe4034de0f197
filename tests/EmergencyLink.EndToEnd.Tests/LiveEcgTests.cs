using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using EmergencyLink.Clinical.Synthetic;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Telemetry;
using EmergencyLink.Security;
using EmergencyLink.VehicleLink;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyLink.EndToEnd.Tests;

/// <summary>
/// The live ECG analysis end to end: a gateway streams a synthetic inferior STEMI for a transporting case; the
/// receiving ED's screen gets the STEMI alert with its evidence, the case's timeline holds it, and the destination list
/// puts PCI centres first. The ECG is sent as fast as the link takes it (25 s of it in a few seconds): the analysis
/// runs on sample numbers, not on the wall clock.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class LiveEcgTests(ServerFixture fixture) : IDisposable
{
    private const int Rate = 500;
    private const int FrameSamples = 20;
    private readonly ServerProcess server = fixture.Server;
    private readonly string folder = Directory.CreateTempSubdirectory("emergencylink-ecg-").FullName;

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
    public async Task A_streamed_stemi_alerts_the_receiving_ed_with_evidence_and_steers_the_destination_to_a_pci_centre()
    {
        var (caseId, unit, hospital) = await TransportingCase.StartAsync(server);
        var edToken = server.Token(Roles.Ed, hospital: hospital);
        var alerts = new EventLog<JsonElement>();
        await using var ed = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/hospital"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(edToken))
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        ed.On<JsonElement>("AlertRaised", e => alerts.Add("AlertRaised", e));
        await ed.StartAsync();

        await using var gateway = new VehicleGateway(new VehicleGatewayOptions
        {
            ServerUrl = server.BaseAddress,
            VehicleId = unit,
            AccessTokenProvider = () => Task.FromResult<string?>(server.Token(Roles.Crew, vehicle: unit)),
            OutboxPath = Path.Combine(folder, "outbox.db"),
        });
        await gateway.StartAsync();
        var patient = SyntheticScenarios.Create(SyntheticScenarios.StemiInferior, seed: 41, Rate);
        var start = DateTimeOffset.UtcNow;
        for (long first = 0; first < 25 * Rate; first += FrameSamples)
        {
            var raw = patient.Ecg.Next(FrameSamples).Select(l => l.Select(v => (short)Math.Round(v * 1000)).ToArray()).ToArray();
            var captured = (start - DateTimeOffset.UnixEpoch).Ticks / 10 + (first * 1_000_000 / Rate);
            await gateway.EnqueueAsync(caseId, VehicleLinkProtocol.EcgChannel, TelemetryKind.Ecg, captured,
                TelemetryCodec.EncodeEcg(new EcgBlock(Rate, 1, first, raw)));
        }

        var message = await alerts.WaitForAsync("AlertRaised", m => m.Str("incidentId") == caseId, TimeSpan.FromSeconds(20));
        var alert = message.GetProperty("alert");
        Assert.Equal(("Stemi", hospital, "ecg-analysis"), (alert.Str("kind"), message.Str("hospitalId"), alert.Str("source")));
        Assert.Contains("inferior", alert.Str("summary"));
        var evidence = alert.GetProperty("evidence").EnumerateArray().ToArray();
        var leads = evidence.Where(e => e.Str("finding").StartsWith("ST elevation", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["II", "III", "aVF"], leads.Select(e => e.Str("item")).Order(StringComparer.Ordinal));
        Assert.All(leads, e => Assert.True(e.GetProperty("value").GetDouble() >= 0.1, e.ToString()));
        Assert.Contains(evidence, e => e.Str("item") == "territory" && e.Str("finding") == "Inferior");
        Assert.Contains(evidence, e => e.Str("item") == "V2–V3 threshold" && e.Str("finding").Contains("not recorded", StringComparison.Ordinal));

        var admin = server.Client(server.Token(Roles.Admin));
        var incident = (await admin.GetJsonAsync($"/api/incidents/{caseId}")).Expect(HttpStatusCode.OK);
        Assert.Contains(incident.GetProperty("timeline").EnumerateArray(), e =>
            e.TryGetProperty("event", out var ev) && ev.ValueKind == JsonValueKind.String && ev.GetString() == "Alert"
            && e.Str("detail").Contains("Stemi", StringComparison.Ordinal) && e.Str("actor") == "ecg-analysis");

        var pci = (await admin.GetJsonAsync("/api/hospitals")).Expect(HttpStatusCode.OK).EnumerateArray()
            .Where(h => h.GetProperty("capabilities").GetProperty("pci24x7").GetBoolean()).Select(h => h.Str("id")).ToHashSet();
        var ranked = (await server.Client(server.Token(Roles.Crew, vehicle: unit)).GetJsonAsync($"/api/incidents/{caseId}/destinations"))
            .Expect(HttpStatusCode.OK).EnumerateArray().ToArray();
        Assert.NotEmpty(pci);
        Assert.Contains("Stemi", ranked[0].GetProperty("reasons")[0].GetString());
        var recommended = ranked.Where(r => r.GetProperty("recommended").GetBoolean()).Select(r => r.Str("hospitalId")).ToArray();
        Assert.NotEmpty(recommended);
        Assert.All(recommended, id => Assert.Contains(id, pci));
        Assert.Contains(ranked[0].Str("hospitalId"), pci);

        foreach (var trigger in new[] { "ArriveHospital", "Handover", "Close" })
        {
            (await admin.PostJsonAsync($"/api/incidents/{caseId}/transitions", new { trigger })).Expect(HttpStatusCode.OK);
        }
    }
}
