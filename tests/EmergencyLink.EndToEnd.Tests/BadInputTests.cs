using System.Net;
using System.Text.Json;

namespace EmergencyLink.EndToEnd.Tests;

/// <summary>Every client mistake gets a 4xx ProblemDetails that says what was wrong, and changes nothing.</summary>
[Collection(ServerCollection.Name)]
public sealed class BadInputTests(ServerFixture fixture)
{
    private readonly ServerProcess server = fixture.Server;
    private readonly HttpClient dispatcher = fixture.Server.Dispatcher();

    private async Task<int> IncidentCountAsync() =>
        (await dispatcher.GetJsonAsync("/api/incidents")).Expect(HttpStatusCode.OK).GetArrayLength();

    private async Task<string> NewTriagedIncidentAsync()
    {
        var id = (await dispatcher.PostJsonAsync("/api/incidents", Http.NewIncident())).Expect(HttpStatusCode.Created).Str("id");
        (await dispatcher.PostJsonAsync($"/api/incidents/{id}/transitions", new { trigger = "Triage" })).Expect(HttpStatusCode.OK);
        return id;
    }

    public static TheoryData<string, string> BadIncidentBodies() => new()
    {
        { "{\"location\": {\"lat\": 1, \"lon\": 2}, \"complaint\": \"x\", \"priority\": 2", "not valid JSON" },
        { "not json at all", "not valid JSON" },
        { "{\"location\": {\"lat\": \"north\", \"lon\": 2}, \"complaint\": \"x\", \"priority\": 2}", "not valid JSON" },
        { "{\"complaint\": \"x\", \"priority\": 2}", "location" },
        { "{\"location\": {\"lat\": 1}, \"complaint\": \"x\", \"priority\": 2}", "location.lon" },
        { "{\"location\": {\"lat\": 1, \"lon\": 2}, \"priority\": 2}", "complaint" },
        { "{\"location\": {\"lat\": 1, \"lon\": 2}, \"complaint\": \"x\"}", "priority" },
        { "{\"location\": {\"lat\": 90.5, \"lon\": 2}, \"complaint\": \"x\", \"priority\": 2}", "location.lat" },
        { "{\"location\": {\"lat\": -91, \"lon\": 2}, \"complaint\": \"x\", \"priority\": 2}", "location.lat" },
        { "{\"location\": {\"lat\": 1, \"lon\": 180.01}, \"complaint\": \"x\", \"priority\": 2}", "location.lon" },
        { "{\"location\": {\"lat\": 1, \"lon\": -181}, \"complaint\": \"x\", \"priority\": 2}", "location.lon" },
        { "{\"location\": {\"lat\": 1, \"lon\": 2}, \"complaint\": \"x\", \"priority\": 0}", "priority" },
        { "{\"location\": {\"lat\": 1, \"lon\": 2}, \"complaint\": \"x\", \"priority\": 5}", "priority" },
        { "{\"location\": {\"lat\": 1, \"lon\": 2}, \"complaint\": \"   \", \"priority\": 2}", "complaint" },
        { "", "body" },
    };

    [Theory]
    [MemberData(nameof(BadIncidentBodies))]
    public async Task A_bad_incident_is_refused_with_400_naming_the_problem_and_nothing_is_created(string body, string mentioned)
    {
        var before = await IncidentCountAsync();

        var problem = (await dispatcher.PostJsonAsync("/api/incidents", body)).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Contains(mentioned, problem.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await IncidentCountAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_by_content_type_is_refused_with_415()
    {
        using var content = new StringContent("priority=1", System.Text.Encoding.UTF8, "text/plain");
        var response = await dispatcher.PostAsync("/api/incidents", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("GET", "/api/incidents/INC-999999")]
    [InlineData("GET", "/api/incidents/INC-999999/recommendations")]
    [InlineData("GET", "/api/ambulances/NOPE")]
    [InlineData("GET", "/api/hospitals/NOPE")]
    [InlineData("GET", "/api/hospitals/NOPE/inbound")]
    [InlineData("GET", "/api/incidents/not%20an%20id")]
    public async Task Unknown_ids_are_404(string method, string path)
    {
        var admin = server.Client(server.Token(Security.Roles.Admin));
        (await admin.SendJsonAsync(new HttpMethod(method), path)).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Transitions_and_assignment_on_an_unknown_incident_are_404()
    {
        (await dispatcher.PostJsonAsync("/api/incidents/INC-999999/transitions", new { trigger = "Triage" })).ExpectProblem(HttpStatusCode.NotFound);
        (await dispatcher.PostJsonAsync("/api/incidents/INC-999999/assign", new { ambulanceId = "A01" })).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Assigning_an_unknown_unit_is_404_and_the_case_stays_triaged()
    {
        var id = await NewTriagedIncidentAsync();

        (await dispatcher.PostJsonAsync($"/api/incidents/{id}/assign", new { ambulanceId = "Z99" })).ExpectProblem(HttpStatusCode.NotFound);

        Assert.Equal("Triaged", (await dispatcher.GetJsonAsync($"/api/incidents/{id}")).Expect(HttpStatusCode.OK).Str("state"));
    }

    [Fact]
    public async Task Transport_to_an_unknown_hospital_is_404()
    {
        var id = await NewTriagedIncidentAsync();
        var unit = await FreeUnitAsync();
        (await dispatcher.PostJsonAsync($"/api/incidents/{id}/assign", new { ambulanceId = unit })).Expect(HttpStatusCode.OK);
        (await dispatcher.PostJsonAsync($"/api/incidents/{id}/transitions", new { trigger = "EnRoute" })).Expect(HttpStatusCode.OK);
        (await dispatcher.PostJsonAsync($"/api/incidents/{id}/transitions", new { trigger = "ArriveScene" })).Expect(HttpStatusCode.OK);

        (await dispatcher.PostJsonAsync($"/api/incidents/{id}/transitions", new { trigger = "Transport", hospitalId = "H404" }))
            .ExpectProblem(HttpStatusCode.NotFound);

        Assert.Equal("OnScene", (await dispatcher.GetJsonAsync($"/api/incidents/{id}")).Expect(HttpStatusCode.OK).Str("state"));
        (await dispatcher.PostJsonAsync($"/api/incidents/{id}/transitions", new { trigger = "Cancel" })).Expect(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("{\"trigger\": \"Teleport\"}", "trigger")]
    [InlineData("{\"trigger\": \"3\"}", "trigger")]
    [InlineData("{}", "trigger")]
    [InlineData("{\"trigger\": \"NoTransport\", \"disposition\": \"Vanished\"}", "disposition")]
    public async Task An_unknown_trigger_or_disposition_is_400_and_changes_nothing(string body, string mentioned)
    {
        var id = await NewTriagedIncidentAsync();

        var problem = (await dispatcher.PostJsonAsync($"/api/incidents/{id}/transitions", body)).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Contains(mentioned, problem.ToString(), StringComparison.OrdinalIgnoreCase);
        var incident = (await dispatcher.GetJsonAsync($"/api/incidents/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(("Triaged", 2), (incident.Str("state"), incident.GetProperty("timeline").GetArrayLength()));
    }

    [Fact]
    public async Task A_trigger_not_permitted_now_is_409_with_the_permitted_triggers_and_changes_nothing()
    {
        var id = (await dispatcher.PostJsonAsync("/api/incidents", Http.NewIncident())).Expect(HttpStatusCode.Created).Str("id");

        var problem = (await dispatcher.PostJsonAsync($"/api/incidents/{id}/transitions", new { trigger = "ArriveScene" }))
            .ExpectProblem(HttpStatusCode.Conflict);

        Assert.Equal(["Triage", "Cancel"], problem.GetProperty("permittedTriggers").EnumerateArray().Select(t => t.GetString()));
        var incident = (await dispatcher.GetJsonAsync($"/api/incidents/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(("Received", 1), (incident.Str("state"), incident.GetProperty("timeline").GetArrayLength()));
    }

    [Fact]
    public async Task Assigning_a_busy_unit_is_409_and_the_second_case_stays_unassigned()
    {
        var first = await NewTriagedIncidentAsync();
        var second = await NewTriagedIncidentAsync();
        var unit = await FreeUnitAsync();
        (await dispatcher.PostJsonAsync($"/api/incidents/{first}/assign", new { ambulanceId = unit })).Expect(HttpStatusCode.OK);

        var problem = (await dispatcher.PostJsonAsync($"/api/incidents/{second}/assign", new { ambulanceId = unit })).ExpectProblem(HttpStatusCode.Conflict);

        Assert.Contains("busy", problem.Str("detail"), StringComparison.OrdinalIgnoreCase);
        var incident = (await dispatcher.GetJsonAsync($"/api/incidents/{second}")).Expect(HttpStatusCode.OK);
        Assert.Equal(("Triaged", JsonValueKind.Null), (incident.Str("state"), incident.GetProperty("ambulanceId").ValueKind));
        (await dispatcher.PostJsonAsync($"/api/incidents/{first}/transitions", new { trigger = "Cancel" })).Expect(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("{\"lat\": 91, \"lon\": 0}", "lat")]
    [InlineData("{\"lat\": 10, \"lon\": 200}", "lon")]
    [InlineData("{\"lon\": 0}", "lat")]
    [InlineData("{\"lat\": 10, \"lon\": 10, \"heading\": 360}", "heading")]
    [InlineData("{\"lat\": 10, \"lon\": 10, \"speedKmh\": -1}", "speedKmh")]
    public async Task A_bad_position_is_400_and_the_unit_does_not_move(string body, string mentioned)
    {
        var unit = await FreeUnitAsync();
        var admin = server.Client(server.Token(Security.Roles.Admin));
        var before = (await admin.GetJsonAsync($"/api/ambulances/{unit}")).Expect(HttpStatusCode.OK).GetProperty("location").ToString();

        var problem = (await admin.PutJsonAsync($"/api/ambulances/{unit}/position", body)).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Contains(mentioned, problem.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, (await admin.GetJsonAsync($"/api/ambulances/{unit}")).Expect(HttpStatusCode.OK).GetProperty("location").ToString());
    }

    [Theory]
    [InlineData("{\"status\": \"Flying\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"status\": \"Transporting\"}", HttpStatusCode.BadRequest)]
    [InlineData("{}", HttpStatusCode.BadRequest)]
    public async Task A_bad_unit_status_is_refused(string body, HttpStatusCode expected)
    {
        var unit = await FreeUnitAsync();

        (await dispatcher.PutJsonAsync($"/api/ambulances/{unit}/status", body)).ExpectProblem(expected);

        Assert.Equal("Available", (await dispatcher.GetJsonAsync($"/api/ambulances/{unit}")).Expect(HttpStatusCode.OK).Str("status"));
    }

    [Theory]
    [InlineData("{\"edBedsFree\": -1}")]
    [InlineData("{\"edBedsFree\": 100000}")]
    [InlineData("{}")]
    public async Task A_bad_hospital_status_is_400_and_changes_nothing(string body)
    {
        var admin = server.Client(server.Token(Security.Roles.Admin));
        var hospital = (await admin.GetJsonAsync("/api/hospitals")).Expect(HttpStatusCode.OK).EnumerateArray().First();
        var id = hospital.Str("id");

        (await admin.PutJsonAsync($"/api/hospitals/{id}/status", body)).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Equal(hospital.GetProperty("edBedsFree").GetInt32(),
            (await admin.GetJsonAsync($"/api/hospitals/{id}")).Expect(HttpStatusCode.OK).GetProperty("edBedsFree").GetInt32());
    }

    private async Task<string> FreeUnitAsync()
    {
        // Tests of one collection run one at a time, and each releases the units it takes.
        return (await dispatcher.GetJsonAsync("/api/ambulances")).Expect(HttpStatusCode.OK).EnumerateArray()
            .Where(u => u.Str("status") == "Available").Select(u => u.Str("id")).Last();
    }

    [Theory]
    [InlineData("/api/incidents/INC-999999/telemetry", HttpStatusCode.NotFound)]
    [InlineData("/api/incidents/not-an-id/ecg", HttpStatusCode.NotFound)]
    [InlineData("/api/incidents/{id}/ecg?from=yesterday", HttpStatusCode.BadRequest)]
    [InlineData("/api/incidents/{id}/ecg?from=2026-12-02T10:00:00Z&to=2026-12-02T09:00:00Z", HttpStatusCode.BadRequest)]
    [InlineData("/api/incidents/{id}/ecg?from=2026-12-02T10:00:00Z&to=2026-12-02T10:05:00Z", HttpStatusCode.BadRequest)]
    public async Task Telemetry_reads_with_a_bad_id_or_span_are_refused_with_a_problem(string path, HttpStatusCode expected)
    {
        var id = await NewTriagedIncidentAsync();
        (await dispatcher.GetJsonAsync(path.Replace("{id}", id, StringComparison.Ordinal))).ExpectProblem(expected);
    }

    [Fact]
    public async Task Another_hospital_s_ed_may_not_read_a_case_s_telemetry()
    {
        var id = await NewTriagedIncidentAsync();
        var ed = server.Client(server.Token(EmergencyLink.Security.Roles.Ed, hospital: "H2"));
        (await ed.GetJsonAsync($"/api/incidents/{id}/telemetry")).ExpectProblem(HttpStatusCode.Forbidden);
        var empty = (await dispatcher.GetJsonAsync($"/api/incidents/{id}/telemetry")).Expect(HttpStatusCode.OK);
        Assert.Empty(empty.GetProperty("channels").EnumerateArray());
    }

    [Theory]
    [InlineData("{}", "screen")]
    [InlineData("{\"screen\": \"bay 1\", \"channels\": []}", "channels")]
    [InlineData("{\"screen\": \"bay 1\", \"channels\": [{\"channel\": \"ecg\", \"frames\": -1, \"captureToScreenP50Ms\": 1, \"captureToScreenP99Ms\": 2, \"serverToScreenP50Ms\": 1, \"serverToScreenP99Ms\": 1}]}", "channels[0]")]
    [InlineData("{\"screen\": \"bay 1\", \"channels\": [{\"frames\": 3}]}", "channels[0].channel")]
    public async Task A_screen_report_that_is_not_valid_names_the_field(string body, string field)
    {
        var id = await NewTriagedIncidentAsync();
        var problem = (await dispatcher.PostJsonAsync($"/api/incidents/{id}/telemetry/screens", body)).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
