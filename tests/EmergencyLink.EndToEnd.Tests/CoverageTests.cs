using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using EmergencyLink.Security;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyLink.EndToEnd.Tests;

[Collection(ServerCollection.Name)]
public sealed class CoverageTests(ServerFixture fixture)
{
    private readonly ServerProcess server = fixture.Server;

    [Fact]
    public async Task Coverage_is_reported_and_pushed_again_when_a_unit_goes_out_of_service()
    {
        var dispatcher = server.Dispatcher();
        var events = new EventLog<JsonElement>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/dispatch"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(server.Token(Roles.Dispatcher)))
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        hub.On<JsonElement>("CoverageChanged", e => events.Add("CoverageChanged", e));
        await hub.StartAsync();

        var before = (await dispatcher.GetJsonAsync("/api/coverage")).Expect(HttpStatusCode.OK);
        Assert.InRange(before.GetProperty("coveredShare").GetDouble(), 0.0, 1.0);
        Assert.Equal("MultiPolygon", before.GetProperty("uncovered").Str("type"));
        var unit = (await dispatcher.GetJsonAsync("/api/ambulances")).Expect(HttpStatusCode.OK).EnumerateArray()
            .First(u => u.Str("status") == "Available").Str("id");

        (await dispatcher.PutJsonAsync($"/api/ambulances/{unit}/status", new { status = "OutOfService" })).Expect(HttpStatusCode.OK);
        var pushed = await events.WaitForAsync("CoverageChanged",
            e => e.GetProperty("availableUnits").GetInt32() == before.GetProperty("availableUnits").GetInt32() - 1);
        (await dispatcher.PutJsonAsync($"/api/ambulances/{unit}/status", new { status = "Available" })).Expect(HttpStatusCode.OK);

        Assert.True(pushed.GetProperty("coveredShare").GetDouble() <= before.GetProperty("coveredShare").GetDouble());
        var moves = (await dispatcher.GetJsonAsync("/api/coverage/moveups?limit=2")).Expect(HttpStatusCode.OK);
        Assert.True(moves.GetArrayLength() <= 2);
        (await server.Client(server.Token(Roles.Crew, vehicle: "A01")).GetJsonAsync("/api/coverage")).ExpectProblem(HttpStatusCode.Forbidden);
    }
}
