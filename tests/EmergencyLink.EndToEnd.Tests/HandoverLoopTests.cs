using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using EmergencyLink.Contracts;
using EmergencyLink.Domain.Handover;
using EmergencyLink.Security;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyLink.EndToEnd.Tests;

public sealed class HandoverLoopTests(HandoverLoopServer fixture) : IClassFixture<HandoverLoopServer>
{
    private readonly ServerProcess server = fixture.Server;

    private static string[] States(JsonElement loops) => loops.EnumerateArray().Select(l => l.Str("state")).ToArray();

    [Fact]
    public async Task The_loop_closes_from_pre_alert_to_the_crews_confirmation_and_the_offload_interval_is_measured()
    {
        var admin = server.Client(server.Token(Roles.Admin));
        var first = (await admin.GetJsonAsync("/api/hospitals")).Expect(HttpStatusCode.OK).EnumerateArray().First().Str("id");

        // The ED's board, on MessagePack as the ED page is: its inbound pushes carry the loop.
        var boardToken = server.Token(Roles.Ed, hospital: first);
        var inbound = new ConcurrentQueue<IncidentSnapshot>();
        await using var board = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/hospital"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(boardToken))
            .AddMessagePackProtocol()
            .Build();
        board.On<IncidentSnapshot>("InboundChanged", inbound.Enqueue);
        await board.StartAsync();

        var (caseId, unit, hospital) = await TransportingCase.StartAsync(server);
        Assert.Equal(first, hospital);
        var hospitals = (await admin.GetJsonAsync("/api/hospitals")).Expect(HttpStatusCode.OK).EnumerateArray().Select(h => h.Str("id")).ToArray();
        var otherHospital = hospitals.First(h => h != hospital);
        var crew = server.Client(server.Token(Roles.Crew, vehicle: unit, name: "medic Ray"));
        var ed = server.Client(server.Token(Roles.Ed, hospital: hospital, name: "dr Lee"));
        var colleague = server.Client(server.Token(Roles.Ed, hospital: hospital, name: "dr Kim"));
        var otherEd = server.Client(server.Token(Roles.Ed, hospital: otherHospital, name: "dr Elsewhere"));
        var prealert = $"/api/incidents/{caseId}/prealert";

        // Transport pre-alerted the destination.
        var loops = (await ed.GetJsonAsync(prealert)).Expect(HttpStatusCode.OK);
        Assert.Equal(["PreAlertSent"], States(loops));
        Assert.Equal(hospital, loops[0].Str("hospitalId"));

        // Nobody but that ED acknowledges; what they try changes nothing.
        (await otherEd.PostJsonAsync($"{prealert}/acknowledge", new { })).ExpectProblem(HttpStatusCode.Forbidden);
        (await otherEd.PostJsonAsync($"{prealert}/acknowledge", new { hospitalId = hospital })).ExpectProblem(HttpStatusCode.Forbidden);
        (await crew.PostJsonAsync($"{prealert}/acknowledge", new { })).ExpectProblem(HttpStatusCode.Forbidden);
        (await server.Dispatcher().PostJsonAsync($"{prealert}/acknowledge", new { })).ExpectProblem(HttpStatusCode.Forbidden);
        (await otherEd.GetJsonAsync(prealert)).ExpectProblem(HttpStatusCode.Forbidden);
        (await ed.PostJsonAsync($"{prealert}/acknowledge", new { loopId = "not a loop" })).ExpectProblem(HttpStatusCode.BadRequest);
        (await ed.PostJsonAsync($"/api/incidents/INC-999999/prealert/acknowledge", new { })).ExpectProblem(HttpStatusCode.NotFound);

        var acknowledged = (await ed.PostJsonAsync($"{prealert}/acknowledge", new { })).Expect(HttpStatusCode.OK);
        Assert.Equal("PreAlertAcknowledged", acknowledged.Str("state"));
        Assert.Equal("dr Lee", acknowledged.GetProperty("preAlertAcknowledgement").Str("actor"));
        var twice = (await colleague.PostJsonAsync($"{prealert}/acknowledge", new { })).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Contains("dr Lee", twice.Str("detail"));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && !inbound.Any(i => i.Id == caseId && i.HandoverLoops is [{ State: HandoverLoopState.PreAlertAcknowledged }]))
        {
            await Task.Delay(50);
        }

        Assert.Contains(inbound, i => i.Id == caseId && i.HandoverLoops is [{ State: HandoverLoopState.PreAlertAcknowledged }]);

        // The crew sends news; the ED must acknowledge again. Only the destination can be pre-alerted on the way.
        (await crew.PostJsonAsync(prealert, new { hospitalId = "not an id!" })).ExpectProblem(HttpStatusCode.BadRequest);
        (await crew.PostJsonAsync(prealert, new { hospitalId = otherHospital })).ExpectProblem(HttpStatusCode.Conflict);
        (await otherEd.PostJsonAsync(prealert, new { message = "?" })).ExpectProblem(HttpStatusCode.Forbidden);
        var resent = (await crew.PostJsonAsync(prealert, new { message = "GCS now 8, airway at risk" })).Expect(HttpStatusCode.OK);
        Assert.Equal(("PreAlertSent", "GCS now 8, airway at risk"), (resent.Str("state"), resent.Str("message")));
        (await colleague.SendJsonAsync(HttpMethod.Post, $"{prealert}/acknowledge")).Expect(HttpStatusCode.OK);

        // Transfer of care cannot be confirmed before the ED records it.
        (await crew.PostJsonAsync($"{prealert}/transfer/acknowledge", new { })).ExpectProblem(HttpStatusCode.Conflict);
        (await crew.PostJsonAsync($"/api/incidents/{caseId}/transitions", new { trigger = "ArriveHospital" })).Expect(HttpStatusCode.OK);
        await Task.Delay(1100);
        (await ed.PostJsonAsync($"/api/incidents/{caseId}/transitions", new { trigger = "Handover" })).Expect(HttpStatusCode.OK);
        (await ed.PostJsonAsync($"{prealert}/transfer/acknowledge", new { })).ExpectProblem(HttpStatusCode.Forbidden);
        var confirmed = (await crew.PostJsonAsync($"{prealert}/transfer/acknowledge", new { })).Expect(HttpStatusCode.OK);
        (await crew.PostJsonAsync($"{prealert}/transfer/acknowledge", new { })).ExpectProblem(HttpStatusCode.Conflict);

        Assert.Equal("TransferAcknowledged", confirmed.Str("state"));
        var steps = confirmed.GetProperty("steps").EnumerateArray().Select(s => (s.Str("trigger"), s.Str("actor"))).ToArray();
        Assert.Equal(
            [("SendPreAlert", "admin-tester"), ("AcknowledgePreAlert", "dr Lee"), ("SendPreAlert", "medic Ray"),
                ("AcknowledgePreAlert", "dr Kim"), ("ArriveHospital", "medic Ray"), ("Handover", "dr Lee"), ("AcknowledgeTransfer", "medic Ray")],
            steps.Where(s => s.Item1 != "Escalate"));
        var incident = (await admin.GetJsonAsync($"/api/incidents/{caseId}")).Expect(HttpStatusCode.OK);
        Assert.Equal(["TransferAcknowledged"], States(incident.GetProperty("handoverLoops")));

        // The offload interval: this case's, and the hospital's statistics, for its ED and dispatch only.
        var offload = (await ed.GetJsonAsync($"/api/hospitals/{hospital}/offload")).Expect(HttpStatusCode.OK);
        var mine = offload.GetProperty("recent").EnumerateArray().Single(r => r.Str("incidentId") == caseId);
        Assert.InRange(mine.GetProperty("intervalSeconds").GetDouble(), 1.0, 30.0);
        Assert.True(offload.GetProperty("count").GetInt32() >= 1);
        Assert.True(offload.GetProperty("medianSeconds").GetDouble() > 0);
        Assert.True(offload.GetProperty("centile90Seconds").GetDouble() >= offload.GetProperty("medianSeconds").GetDouble());
        (await server.Dispatcher().GetJsonAsync($"/api/hospitals/{hospital}/offload")).Expect(HttpStatusCode.OK);
        (await otherEd.GetJsonAsync($"/api/hospitals/{hospital}/offload")).ExpectProblem(HttpStatusCode.Forbidden);
        (await crew.GetJsonAsync($"/api/hospitals/{hospital}/offload")).ExpectProblem(HttpStatusCode.Forbidden);
        (await admin.GetJsonAsync("/api/hospitals/NOPE/offload")).ExpectProblem(HttpStatusCode.NotFound);

        (await crew.PostJsonAsync($"/api/incidents/{caseId}/transitions", new { trigger = "Close" })).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unacknowledged_pre_alert_is_escalated_to_the_EDs_hub_and_on_the_case_timeline()
    {
        var admin = server.Client(server.Token(Roles.Admin));
        var hospital = (await admin.GetJsonAsync("/api/hospitals")).Expect(HttpStatusCode.OK).EnumerateArray().First().Str("id");
        var escalations = new ConcurrentQueue<JsonElement>();
        var token = server.Token(Roles.Ed, hospital: hospital, name: "dr Lee");
        await using var board = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/hospital"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        board.On<JsonElement>("PreAlertEscalated", escalations.Enqueue);
        await board.StartAsync();

        var (caseId, _, _) = await TransportingCase.StartAsync(server, unitIndex: 1);

        var deadline = DateTime.UtcNow + HandoverLoopServer.EscalationAfter + TimeSpan.FromSeconds(15);
        JsonElement escalation = default;
        while (DateTime.UtcNow < deadline && !escalations.Any(e => e.Str("incidentId") == caseId))
        {
            await Task.Delay(100);
        }

        escalation = escalations.FirstOrDefault(e => e.Str("incidentId") == caseId);
        Assert.True(escalation.ValueKind == JsonValueKind.Object, $"No escalation of {caseId} reached the ED's hub.");
        // Level 1 unless this machine was too busy to check within a whole interval, when the loop jumps to the level due.
        Assert.Equal(hospital, escalation.Str("hospitalId"));
        Assert.True(escalation.GetProperty("level").GetInt32() >= 1);
        Assert.Equal("PreAlertSent", escalation.GetProperty("loop").Str("state"));

        var ed = server.Client(token);
        var timeline = (await ed.GetJsonAsync($"/api/incidents/{caseId}")).Expect(HttpStatusCode.OK).GetProperty("timeline").EnumerateArray();
        Assert.Contains(timeline, e => e.TryGetProperty("event", out var ev) && ev.ValueKind == JsonValueKind.String
            && ev.GetString() == "PreAlertEscalated");

        // Acknowledged, it stops: no level beyond what was reached by then.
        var acknowledged = (await ed.PostJsonAsync($"/api/incidents/{caseId}/prealert/acknowledge", new { })).Expect(HttpStatusCode.OK);
        var reached = acknowledged.GetProperty("steps").EnumerateArray().Count(s => s.Str("trigger") == "Escalate");
        await Task.Delay(HandoverLoopServer.EscalationAfter * 2);
        var loop = (await ed.GetJsonAsync($"/api/incidents/{caseId}/prealert")).Expect(HttpStatusCode.OK)[0];
        Assert.Equal(reached, loop.GetProperty("steps").EnumerateArray().Count(s => s.Str("trigger") == "Escalate"));
        Assert.Equal("PreAlertAcknowledged", loop.Str("state"));
    }

    [Fact]
    public async Task Escalation_resumes_after_a_server_crash_without_anyone_touching_the_case()
    {
        var admin = server.Client(server.Token(Roles.Admin));
        var hospital = (await admin.GetJsonAsync("/api/hospitals")).Expect(HttpStatusCode.OK).EnumerateArray().First().Str("id");
        var (caseId, _, _) = await TransportingCase.StartAsync(server, unitIndex: 2);

        server.Kill();
        await server.StartAsync();

        // Only the ED's board is connected: the case is woken by its unit reconciling when the seeder activates the fleet.
        var escalations = new ConcurrentQueue<JsonElement>();
        var token = server.Token(Roles.Ed, hospital: hospital, name: "dr Lee");
        await using var board = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/hospital"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        board.On<JsonElement>("PreAlertEscalated", escalations.Enqueue);
        await board.StartAsync();

        var deadline = DateTime.UtcNow + (HandoverLoopServer.EscalationAfter * 2) + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < deadline && !escalations.Any(e => e.Str("incidentId") == caseId))
        {
            await Task.Delay(100);
        }

        Assert.Contains(escalations, e => e.Str("incidentId") == caseId);
        (await server.Client(token).PostJsonAsync($"/api/incidents/{caseId}/prealert/acknowledge", new { })).Expect(HttpStatusCode.OK);
    }
}
