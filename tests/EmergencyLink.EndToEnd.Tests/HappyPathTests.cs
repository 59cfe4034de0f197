using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using EmergencyLink.Contracts;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Security;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyLink.EndToEnd.Tests;

[Collection(ServerCollection.Name)]
public sealed class HappyPathTests(ServerFixture fixture)
{
    private readonly ServerProcess server = fixture.Server;

    private HubConnection Hub(string path, string token, bool messagePack)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token));
        if (messagePack)
        {
            builder.AddMessagePackProtocol();
        }
        else
        {
            builder.AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        }

        return builder.Build();
    }

    [Fact]
    public async Task A_case_runs_from_call_to_close_over_HTTP_with_a_stamped_timeline_and_live_pushes()
    {
        var dispatcher = server.Dispatcher();
        var hospitals = (await dispatcher.GetJsonAsync("/api/hospitals")).Expect(HttpStatusCode.OK);
        var destination = hospitals.EnumerateArray().First().Str("id");
        var elsewhere = hospitals.EnumerateArray().Last().Str("id");
        var units = (await dispatcher.GetJsonAsync("/api/ambulances")).Expect(HttpStatusCode.OK);
        var near = units.EnumerateArray().First(u => u.Str("status") == "Available").GetProperty("location");

        // Viewers connect first: a dispatcher (JSON), the destination's ED and another ED (MessagePack).
        var dispatchEvents = new EventLog<JsonElement>();
        await using var dispatchHub = Hub("/hubs/dispatch", server.Token(Roles.Dispatcher), messagePack: false);
        foreach (var name in new[] { "IncidentCreated", "IncidentChanged", "UnitStatusChanged", "UnitPositionChanged" })
        {
            dispatchHub.On<JsonElement>(name, e => dispatchEvents.Add(name, e));
        }

        var edEvents = new EventLog<string>();
        await using var edHub = Hub("/hubs/hospital", server.Token(Roles.Ed, hospital: destination), messagePack: true);
        edHub.On<IncidentSnapshot>("InboundChanged", i => edEvents.Add("InboundChanged", $"{i.Id} {i.State}"));
        edHub.On<JsonElement>("InboundRemoved", _ => edEvents.Add("InboundRemoved", ""));
        var otherEdEvents = new EventLog<string>();
        await using var otherEdHub = Hub("/hubs/hospital", server.Token(Roles.Ed, hospital: elsewhere), messagePack: true);
        otherEdHub.On<IncidentSnapshot>("InboundChanged", i => otherEdEvents.Add("InboundChanged", i.Id));
        await Task.WhenAll(dispatchHub.StartAsync(), edHub.StartAsync(), otherEdHub.StartAsync());

        var created = (await dispatcher.PostJsonAsync("/api/incidents", Http.NewIncident(1,
            near.GetProperty("lat").GetDouble() + 0.003, near.GetProperty("lon").GetDouble() - 0.002, "unconscious, not breathing normally")))
            .Expect(HttpStatusCode.Created);
        var id = created.Str("id");
        Assert.Equal("Received", created.Str("state"));
        await dispatchEvents.WaitForAsync("IncidentCreated", e => e.Str("id") == id);

        (await dispatcher.PostJsonAsync($"/api/incidents/{id}/transitions", new { trigger = "Triage" })).Expect(HttpStatusCode.OK);
        var ranked = (await dispatcher.GetJsonAsync($"/api/incidents/{id}/recommendations")).Expect(HttpStatusCode.OK).EnumerateArray().ToArray();
        Assert.NotEmpty(ranked);
        Assert.All(ranked, r => Assert.Equal("ALS", r.Str("capability")));
        var etas = ranked.Select(r => r.GetProperty("etaSeconds").GetDouble()).ToArray();
        Assert.Equal(etas.Order(), etas);
        var unitId = ranked[0].Str("ambulanceId");
        var explained = (await dispatcher.GetJsonAsync($"/api/incidents/{id}/recommendations?explain=true")).Expect(HttpStatusCode.OK);
        Assert.Contains(explained.GetProperty("excluded").EnumerateArray(), e => e.Str("reason") == "priority 1 needs ALS");
        Assert.Equal(ranked.Length, explained.GetProperty("ranked").GetArrayLength());

        var assigned = (await dispatcher.PostJsonAsync($"/api/incidents/{id}/assign", new { ambulanceId = unitId })).Expect(HttpStatusCode.OK);
        Assert.Equal(("Dispatched", unitId), (assigned.Str("state"), assigned.Str("ambulanceId")));
        var unit = (await dispatcher.GetJsonAsync($"/api/ambulances/{unitId}")).Expect(HttpStatusCode.OK);
        Assert.Equal(("Dispatched", id), (unit.Str("status"), unit.Str("incidentId")));

        var crew = server.Client(server.Token(Roles.Crew, vehicle: unitId, name: "paramedic Ada"));
        (await crew.PutJsonAsync($"/api/ambulances/{unitId}/position", new { lat = 44.0, lon = -38.0, heading = 90, speedKmh = 64 }))
            .Expect(HttpStatusCode.OK);
        await dispatchEvents.WaitForAsync("UnitPositionChanged",
            e => e.Str("id") == unitId && e.GetProperty("location").GetProperty("lat").GetDouble() == 44.0);
        var enRoute = (await crew.PutJsonAsync($"/api/ambulances/{unitId}/status", new { status = "EnRoute" })).Expect(HttpStatusCode.OK);
        Assert.Equal("EnRoute", enRoute.Str("status"));
        (await crew.PostJsonAsync($"/api/incidents/{id}/transitions", new { trigger = "ArriveScene" })).Expect(HttpStatusCode.OK);
        (await crew.PostJsonAsync($"/api/incidents/{id}/transitions", new { trigger = "Transport", hospitalId = destination })).Expect(HttpStatusCode.OK);

        var ed = server.Client(server.Token(Roles.Ed, hospital: destination, name: "charge nurse Grace"));
        var inbound = (await ed.GetJsonAsync($"/api/hospitals/{destination}/inbound")).Expect(HttpStatusCode.OK);
        Assert.Contains(inbound.EnumerateArray(), i => i.Str("id") == id && i.Str("state") == "Transporting");
        await edEvents.WaitForAsync("InboundChanged", e => e == $"{id} Transporting");

        (await crew.PostJsonAsync($"/api/incidents/{id}/transitions", new { trigger = "ArriveHospital" })).Expect(HttpStatusCode.OK);
        (await ed.PostJsonAsync($"/api/incidents/{id}/transitions", new { trigger = "Handover" })).Expect(HttpStatusCode.OK);
        await edEvents.WaitForAsync("InboundRemoved", _ => true);
        var closed = (await crew.PostJsonAsync($"/api/incidents/{id}/transitions", new { trigger = "Close" })).Expect(HttpStatusCode.OK);

        Assert.Equal("Closed", closed.Str("state"));
        Assert.Empty(closed.GetProperty("permittedTriggers").EnumerateArray());
        var timeline = closed.GetProperty("timeline").EnumerateArray().ToArray();
        Assert.Equal(
            [null, "Triage", "Assign", "EnRoute", "ArriveScene", "Transport", "ArriveHospital", "Handover", "Close"],
            timeline.Select(e => e.GetProperty("trigger").GetString()));
        Assert.Equal(
            ["Received", "Triaged", "Dispatched", "EnRoute", "OnScene", "Transporting", "AtHospital", "HandedOver", "Closed"],
            timeline.Select(e => e.Str("to")));
        Assert.Equal("paramedic Ada", timeline[3].Str("actor"));
        Assert.Equal("charge nurse Grace", timeline[7].Str("actor"));
        var times = timeline.Select(e => e.GetProperty("at").GetDateTimeOffset()).ToArray();
        Assert.Equal(times.Order(), times);
        Assert.All(times, t => Assert.Equal(TimeSpan.Zero, t.Offset));

        var released = (await dispatcher.GetJsonAsync($"/api/ambulances/{unitId}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Available", released.Str("status"));
        Assert.Equal(JsonValueKind.Null, released.GetProperty("incidentId").ValueKind);
        var open = (await dispatcher.GetJsonAsync("/api/incidents?open=true")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(open.EnumerateArray(), i => i.Str("id") == id);
        var all = (await dispatcher.GetJsonAsync("/api/incidents")).Expect(HttpStatusCode.OK);
        Assert.Contains(all.EnumerateArray(), i => i.Str("id") == id);

        await dispatchEvents.WaitForAsync("IncidentChanged", e => e.Str("id") == id && e.Str("state") == "Closed");
        await dispatchEvents.WaitForAsync("UnitStatusChanged", e => e.Str("id") == unitId && e.Str("status") == "Available");
        Assert.DoesNotContain(otherEdEvents.All, e => e.Payload == id);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_API()
    {
        var doc = (await server.Dispatcher().GetJsonAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK);

        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Contains("/api/incidents", paths);
        Assert.Contains("/api/incidents/{id}/transitions", paths);
        Assert.Contains("/api/hospitals/{id}/inbound", paths);
        Assert.Equal("bearer", doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").Str("scheme"));
    }

    [Fact]
    public async Task Liveness_and_readiness_are_open_to_anyone_and_report_alive_and_ready()
    {
        var live = (await server.Client(null).GetJsonAsync("/healthz")).Expect(HttpStatusCode.OK);
        var ready = (await server.Client(null).GetJsonAsync("/readyz")).Expect(HttpStatusCode.OK);

        Assert.Equal("alive", live.Str("status"));
        Assert.Equal("ready", ready.Str("status"));
    }
}
