using System.Net;
using EmergencyLink.Security;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.IdentityModel.Tokens;

namespace EmergencyLink.EndToEnd.Tests;

[Collection(ServerCollection.Name)]
public sealed class AuthTests(ServerFixture fixture)
{
    private readonly ServerProcess server = fixture.Server;

    private async Task<(string Incident, string Unit, string Hospital, string OtherHospital)> CaseInTransportAsync()
    {
        var dispatcher = server.Dispatcher();
        var hospitals = (await dispatcher.GetJsonAsync("/api/hospitals")).Expect(HttpStatusCode.OK).EnumerateArray().Select(h => h.Str("id")).ToArray();
        var unit = (await dispatcher.GetJsonAsync("/api/ambulances")).Expect(HttpStatusCode.OK).EnumerateArray()
            .First(u => u.Str("status") == "Available").Str("id");
        var id = (await dispatcher.PostJsonAsync("/api/incidents", Http.NewIncident())).Expect(HttpStatusCode.Created).Str("id");
        foreach (var body in new object[]
                 {
                     new { trigger = "Triage" }, new { trigger = "Assign", ambulanceId = unit }, new { trigger = "EnRoute" },
                     new { trigger = "ArriveScene" }, new { trigger = "Transport", hospitalId = hospitals[0] },
                 })
        {
            (await dispatcher.PostJsonAsync($"/api/incidents/{id}/transitions", body)).Expect(HttpStatusCode.OK);
        }

        return (id, unit, hospitals[0], hospitals[1]);
    }

    [Theory]
    [InlineData("GET", "/api/incidents")]
    [InlineData("POST", "/api/incidents")]
    [InlineData("GET", "/api/ambulances")]
    [InlineData("GET", "/api/hospitals")]
    [InlineData("PUT", "/api/hospitals/H1/status")]
    [InlineData("GET", "/openapi/v1.json")]
    public async Task Without_a_token_every_endpoint_but_health_is_401(string method, string path)
    {
        var response = await server.Client(null).SendJsonAsync(new HttpMethod(method), path, method == "GET" ? null : "{}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_or_expired_is_401()
    {
        var forged = new TokenIssuer(new SymmetricSecurityKey(new byte[32]), TimeProvider.System)
            .Issue(new TokenRequest(Roles.Admin, "mallory"), TimeSpan.FromHours(1));
        var expired = server.Tokens.Issue(new TokenRequest(Roles.Admin, "late"), TimeSpan.FromMinutes(-5));

        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client(forged).GetJsonAsync("/api/hospitals")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client(expired).GetJsonAsync("/api/hospitals")).Status);
    }

    [Theory]
    [InlineData(Roles.Crew)]
    [InlineData(Roles.Ed)]
    public async Task Crews_and_EDs_cannot_open_list_or_assign_incidents(string role)
    {
        var client = server.Client(server.Token(role, vehicle: "A01", hospital: "H1"));

        (await client.PostJsonAsync("/api/incidents", Http.NewIncident())).ExpectProblem(HttpStatusCode.Forbidden);
        (await client.GetJsonAsync("/api/incidents")).ExpectProblem(HttpStatusCode.Forbidden);
        (await client.GetJsonAsync("/api/ambulances")).ExpectProblem(HttpStatusCode.Forbidden);
        (await client.PostJsonAsync("/api/incidents/INC-000001/assign", new { ambulanceId = "A01" })).ExpectProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_crew_acts_on_its_own_unit_and_case_only()
    {
        var (incident, unit, _, _) = await CaseInTransportAsync();
        var own = server.Client(server.Token(Roles.Crew, vehicle: unit));
        var other = server.Client(server.Token(Roles.Crew, vehicle: unit == "A01" ? "A02" : "A01"));

        (await own.GetJsonAsync($"/api/incidents/{incident}")).Expect(HttpStatusCode.OK);
        (await own.GetJsonAsync($"/api/ambulances/{unit}")).Expect(HttpStatusCode.OK);
        (await other.GetJsonAsync($"/api/incidents/{incident}")).ExpectProblem(HttpStatusCode.Forbidden);
        (await other.GetJsonAsync($"/api/ambulances/{unit}")).ExpectProblem(HttpStatusCode.Forbidden);
        (await other.PutJsonAsync($"/api/ambulances/{unit}/status", new { status = "OutOfService" })).ExpectProblem(HttpStatusCode.Forbidden);
        (await other.PutJsonAsync($"/api/ambulances/{unit}/position", new { lat = 1, lon = 1 })).ExpectProblem(HttpStatusCode.Forbidden);
        (await other.PostJsonAsync($"/api/incidents/{incident}/transitions", new { trigger = "ArriveHospital" })).ExpectProblem(HttpStatusCode.Forbidden);
        (await own.PostJsonAsync($"/api/incidents/{incident}/transitions", new { trigger = "Cancel" })).ExpectProblem(HttpStatusCode.Forbidden);

        (await own.PostJsonAsync($"/api/incidents/{incident}/transitions", new { trigger = "ArriveHospital" })).Expect(HttpStatusCode.OK);
        (await own.PostJsonAsync($"/api/incidents/{incident}/transitions", new { trigger = "Handover" })).ExpectProblem(HttpStatusCode.Forbidden);
        var admin = server.Client(server.Token(Roles.Admin));
        (await admin.PostJsonAsync($"/api/incidents/{incident}/transitions", new { trigger = "Handover" })).Expect(HttpStatusCode.OK);
        (await own.PostJsonAsync($"/api/incidents/{incident}/transitions", new { trigger = "Close" })).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_ED_sees_and_hands_over_only_cases_inbound_to_its_own_hospital()
    {
        var (incident, unit, hospital, otherHospital) = await CaseInTransportAsync();
        var ed = server.Client(server.Token(Roles.Ed, hospital: hospital));
        var otherEd = server.Client(server.Token(Roles.Ed, hospital: otherHospital));
        var crew = server.Client(server.Token(Roles.Crew, vehicle: unit));

        (await ed.GetJsonAsync($"/api/incidents/{incident}")).Expect(HttpStatusCode.OK);
        (await ed.GetJsonAsync($"/api/hospitals/{hospital}/inbound")).Expect(HttpStatusCode.OK);
        (await otherEd.GetJsonAsync($"/api/incidents/{incident}")).ExpectProblem(HttpStatusCode.Forbidden);
        (await otherEd.GetJsonAsync($"/api/hospitals/{hospital}/inbound")).ExpectProblem(HttpStatusCode.Forbidden);
        (await otherEd.PutJsonAsync($"/api/hospitals/{hospital}/status", new { diversion = true })).ExpectProblem(HttpStatusCode.Forbidden);
        (await crew.PutJsonAsync($"/api/hospitals/{hospital}/status", new { diversion = true })).ExpectProblem(HttpStatusCode.Forbidden);

        (await crew.PostJsonAsync($"/api/incidents/{incident}/transitions", new { trigger = "ArriveHospital" })).Expect(HttpStatusCode.OK);
        (await otherEd.PostJsonAsync($"/api/incidents/{incident}/transitions", new { trigger = "Handover" })).ExpectProblem(HttpStatusCode.Forbidden);
        (await ed.PostJsonAsync($"/api/incidents/{incident}/transitions", new { trigger = "Close" })).ExpectProblem(HttpStatusCode.Forbidden);
        (await ed.PostJsonAsync($"/api/incidents/{incident}/transitions", new { trigger = "Handover" })).Expect(HttpStatusCode.OK);
        var status = (await ed.PutJsonAsync($"/api/hospitals/{hospital}/status", new { edBedsFree = 3 })).Expect(HttpStatusCode.OK);
        Assert.Equal(3, status.GetProperty("edBedsFree").GetInt32());
        (await crew.PostJsonAsync($"/api/incidents/{incident}/transitions", new { trigger = "Close" })).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_hubs_refuse_anonymous_and_out_of_role_connections()
    {
        async Task<bool> ConnectsAsync(string path, string? token)
        {
            await using var hub = new HubConnectionBuilder()
                .WithUrl(new Uri(server.BaseAddress, path), o => o.AccessTokenProvider = () => Task.FromResult(token))
                .Build();
            try
            {
                await hub.StartAsync();
                return true;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }

        Assert.False(await ConnectsAsync("/hubs/dispatch", null));
        Assert.False(await ConnectsAsync("/hubs/dispatch", server.Token(Roles.Crew, vehicle: "A01")));
        Assert.False(await ConnectsAsync("/hubs/dispatch", server.Token(Roles.Ed, hospital: "H1")));
        Assert.True(await ConnectsAsync("/hubs/dispatch", server.Token(Roles.Dispatcher)));
        Assert.False(await ConnectsAsync("/hubs/hospital", server.Token(Roles.Crew, vehicle: "A01")));
        Assert.True(await ConnectsAsync("/hubs/hospital", server.Token(Roles.Ed, hospital: "H1")));
    }

    [Fact]
    public async Task An_ED_cannot_subscribe_to_another_hospitals_feed()
    {
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/hospital"),
                o => o.AccessTokenProvider = () => Task.FromResult<string?>(server.Token(Roles.Ed, hospital: "H1")))
            .Build();
        await hub.StartAsync();

        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("Subscribe", "H2"));
        await hub.InvokeAsync("Subscribe", "H1");
    }

    [Fact]
    public async Task External_console_sign_in_on_a_server_without_an_organisation_provider_is_a_404_problem()
    {
        using var anonymous = new HttpClient { BaseAddress = server.BaseAddress };

        var answer = await anonymous.GetAsync(Consoles.Hosting.ConsoleAuth.ExternalSignInPath);

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
    }
}
