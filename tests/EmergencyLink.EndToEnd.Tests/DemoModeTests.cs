using System.Net;
using System.Text.Json;

namespace EmergencyLink.EndToEnd.Tests;

/// <summary>
/// Demo mode in the real host, sped up ten times: within a minute a call arrives, the dispatcher bot assigns it, the
/// unit drives and the synthetic patient's vitals and ultrasound are archived for the case, all seen through the public API.
/// </summary>
public sealed class DemoModeTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_demo_call_is_assigned_driven_to_and_its_patient_streamed_within_a_minute()
    {
        await using var server = new ServerProcess(environment: new Dictionary<string, string>
        {
            ["Demo__Enabled"] = "true",
            ["Demo__TimeScale"] = "10",
            ["Demo__Seed"] = "7",
            ["Demo__MaxActiveCases"] = "2",
        });
        await server.StartAsync();
        var dispatcher = server.Dispatcher();
        var until = DateTime.UtcNow + Deadline;

        var assigned = await PollAsync(until, "a demo call assigned by the demo dispatcher", async () =>
        {
            var open = (await dispatcher.GetJsonAsync("/api/incidents")).Expect(HttpStatusCode.OK);
            return open.EnumerateArray().FirstOrDefault(i => i.TryGetProperty("ambulanceId", out var unit) && unit.ValueKind == JsonValueKind.String);
        });
        var caseId = assigned.Str("id");
        var unitId = assigned.Str("ambulanceId");
        var record = (await dispatcher.GetJsonAsync($"/api/incidents/{caseId}")).Expect(HttpStatusCode.OK);
        var timeline = record.GetProperty("timeline").EnumerateArray().ToArray();
        Assert.Equal("demo call-taker", timeline[0].Str("actor"));
        Assert.Contains(timeline, e => e.GetProperty("trigger").ValueKind == JsonValueKind.String && e.Str("trigger") == "Assign" && e.Str("actor") == "demo dispatcher");

        var start = (await dispatcher.GetJsonAsync($"/api/ambulances/{unitId}")).Expect(HttpStatusCode.OK).GetProperty("location");
        await PollAsync(until, $"unit {unitId} moving", async () =>
        {
            var now = (await dispatcher.GetJsonAsync($"/api/ambulances/{unitId}")).Expect(HttpStatusCode.OK).GetProperty("location");
            return now.GetProperty("lat").GetDouble() != start.GetProperty("lat").GetDouble()
                || now.GetProperty("lon").GetDouble() != start.GetProperty("lon").GetDouble()
                ? (object)now
                : null;
        });

        var vitals = await PollAsync(until, $"vitals archived for {caseId}", async () =>
        {
            var report = (await dispatcher.GetJsonAsync($"/api/incidents/{caseId}/telemetry")).Expect(HttpStatusCode.OK);
            return report.GetProperty("channels").EnumerateArray()
                .FirstOrDefault(c => c.Str("channel") == "vitals" && c.GetProperty("received").GetInt64() >= 3);
        });
        Assert.Equal(unitId, vitals.Str("vehicleId"));
        Assert.Equal(0, vitals.GetProperty("missing").GetInt64());

        // The patient's ultrasound streams beside the monitor, for the ED's tele-guidance.
        var ultrasound = await PollAsync(until, $"ultrasound frames archived for {caseId}", async () =>
        {
            var report = (await dispatcher.GetJsonAsync($"/api/incidents/{caseId}/telemetry")).Expect(HttpStatusCode.OK);
            return report.GetProperty("channels").EnumerateArray()
                .FirstOrDefault(c => c.Str("channel") == "ultrasound" && c.GetProperty("received").GetInt64() >= 2);
        });
        Assert.Equal(0, ultrasound.GetProperty("missing").GetInt64());
    }

    /// <summary>Asks again every half second until the probe answers, or fails naming what never happened.</summary>
    private static async Task<T> PollAsync<T>(DateTime until, string what, Func<Task<T?>> probe)
    {
        while (true)
        {
            var found = await probe();
            if (found is not null && !(found is JsonElement e && e.ValueKind == JsonValueKind.Undefined))
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < until, $"Within {Deadline.TotalSeconds} s expected {what}.");
            await Task.Delay(500);
        }
    }
}
