using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using EmergencyLink.Security;
using Xunit.Abstractions;

namespace EmergencyLink.EndToEnd.Tests;

/// <summary>
/// Acknowledged means durable: the server is killed with SIGKILL in the middle of a burst of case lifecycles, a new
/// process starts on the same SQLite file, and every acknowledged step is there, with no case and unit half-linked.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Acknowledged_changes_survive_a_kill_and_no_case_or_unit_is_left_half_linked()
    {
        var folder = Directory.CreateTempSubdirectory("emergencylink-crash-").FullName;
        try
        {
            var acked = new ConcurrentDictionary<string, JsonElement>();
            int ackCount;
            await using (var first = new ServerProcess(folder))
            {
                await first.StartAsync();
                var dispatcher = first.Client(first.Token(Roles.Admin));
                var units = (await dispatcher.GetJsonAsync("/api/ambulances")).Expect(HttpStatusCode.OK)
                    .EnumerateArray().Select(u => u.Str("id")).ToArray();
                var hospitals = (await dispatcher.GetJsonAsync("/api/hospitals")).Expect(HttpStatusCode.OK)
                    .EnumerateArray().Select(h => h.Str("id")).ToArray();
                var hospital = hospitals[0];

                // Changes that seeding must never undo on the next start.
                (await dispatcher.PutJsonAsync($"/api/hospitals/{hospitals[^1]}/status", new { diversion = true, edBedsFree = 1 }))
                    .Expect(HttpStatusCode.OK);
                (await dispatcher.PutJsonAsync($"/api/ambulances/{units[^1]}/status", new { status = "OutOfService" }))
                    .Expect(HttpStatusCode.OK);
                units = units[..^1];
                var anyUnit = (await dispatcher.GetJsonAsync($"/api/ambulances/{units[0]}")).Expect(HttpStatusCode.OK).GetProperty("location");

                using var stop = new CancellationTokenSource();
                var workers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
                {
                    var mine = units.Where((_, i) => i % 8 == w).ToArray();
                    for (var round = 0; !stop.IsCancellationRequested; round++)
                    {
                        var unit = mine[round % mine.Length];
                        try
                        {
                            await LifecycleAsync(dispatcher, unit, hospital, anyUnit, acked, stop.Token);
                        }
                        catch (Exception) when (stop.IsCancellationRequested)
                        {
                            return;
                        }
                    }
                })).ToArray();

                await Task.Delay(TimeSpan.FromSeconds(3));
                first.Kill();
                stop.Cancel();
                await Task.WhenAll(workers.Select(t => t.ContinueWith(_ => { })));
                ackCount = acked.Count;
            }

            Assert.True(ackCount >= 5, $"Only {ackCount} incidents were acknowledged before the kill.");
            output.WriteLine($"{ackCount} incidents acknowledged before the kill.");

            await using var second = new ServerProcess(folder);
            await second.StartAsync();
            var admin = second.Client(second.Token(Roles.Admin));

            foreach (var (id, last) in acked)
            {
                var now = (await admin.GetJsonAsync($"/api/incidents/{id}")).Expect(HttpStatusCode.OK);
                var ackedTimeline = last.GetProperty("timeline").EnumerateArray().Select(e => e.ToString()).ToArray();
                var timeline = now.GetProperty("timeline").EnumerateArray().Select(e => e.ToString()).ToArray();
                Assert.True(timeline.Length >= ackedTimeline.Length, $"{id} lost acknowledged steps");
                Assert.Equal(ackedTimeline, timeline.Take(ackedTimeline.Length));
            }

            var fleet = (await admin.GetJsonAsync("/api/ambulances")).Expect(HttpStatusCode.OK).EnumerateArray().ToArray();
            Assert.Equal(24, fleet.Length);
            Assert.Equal("OutOfService", fleet.OrderBy(u => u.Str("id"), StringComparer.Ordinal).Last().Str("status"));
            var diverted = (await admin.GetJsonAsync("/api/hospitals")).Expect(HttpStatusCode.OK).EnumerateArray().Last();
            Assert.True(diverted.GetProperty("diversion").GetBoolean());
            Assert.Equal(1, diverted.GetProperty("edBedsFree").GetInt32());
            foreach (var unit in fleet)
            {
                if (unit.GetProperty("incidentId").GetString() is { } incidentId)
                {
                    var incident = (await admin.GetJsonAsync($"/api/incidents/{incidentId}")).Expect(HttpStatusCode.OK);
                    Assert.Equal(unit.Str("id"), incident.GetProperty("ambulanceId").GetString());
                    Assert.Equal(ExpectedUnitStatus(incident.Str("state")), unit.Str("status"));
                }
                else
                {
                    Assert.Contains(unit.Str("status"), new[] { "Available", "Returning", "OutOfService" });
                }
            }

            var open = (await admin.GetJsonAsync("/api/incidents?open=true")).Expect(HttpStatusCode.OK).EnumerateArray();
            foreach (var incident in open.Where(i => i.GetProperty("ambulanceId").GetString() is not null && HoldsUnit(i.Str("state"))))
            {
                var unit = fleet.Single(u => u.Str("id") == incident.Str("ambulanceId"));
                Assert.Equal(incident.Str("id"), unit.GetProperty("incidentId").GetString());
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static bool HoldsUnit(string state) =>
        state is "Dispatched" or "EnRoute" or "OnScene" or "Transporting" or "AtHospital" or "HandedOver";

    private static string ExpectedUnitStatus(string caseState) => caseState switch
    {
        "HandedOver" => "AtHospital",
        _ => caseState,
    };

    private static async Task LifecycleAsync(HttpClient client, string unit, string hospital, JsonElement near,
        ConcurrentDictionary<string, JsonElement> acked, CancellationToken stop)
    {
        var created = await client.PostJsonAsync("/api/incidents",
            Http.NewIncident(2, near.GetProperty("lat").GetDouble(), near.GetProperty("lon").GetDouble()));
        var id = created.Expect(HttpStatusCode.Created).Str("id");
        acked[id] = created.Body;
        object[] steps =
        [
            new { trigger = "Triage" }, new { trigger = "Assign", ambulanceId = unit }, new { trigger = "EnRoute" },
            new { trigger = "ArriveScene" }, new { trigger = "Transport", hospitalId = hospital },
            new { trigger = "ArriveHospital" }, new { trigger = "Handover" }, new { trigger = "Close" },
        ];
        foreach (var step in steps)
        {
            stop.ThrowIfCancellationRequested();
            var response = await client.PostJsonAsync($"/api/incidents/{id}/transitions", step);
            acked[id] = response.Expect(HttpStatusCode.OK);
        }
    }
}
