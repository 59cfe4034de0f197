using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using EmergencyLink.Security;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace EmergencyLink.EndToEnd.Tests;

/// <summary>Talking across the link on the real host: messages between ED and crew, and the ED's tele-guidance marks.</summary>
[Collection(ServerCollection.Name)]
public sealed class TalkTests(ServerFixture fixture, ITestOutputHelper output)
{
    private readonly ServerProcess server = fixture.Server;

    [Fact]
    public async Task An_ed_message_reaches_the_crew_hub_and_the_crews_reply_reaches_the_ed_hub_both_on_the_timeline()
    {
        var (caseId, unit, hospital) = await TransportingCase.StartAsync(server, unitIndex: 7);
        var otherHospital = await OtherHospitalAsync(hospital);
        var crewEvents = new EventLog<JsonElement>();
        var edEvents = new EventLog<JsonElement>();
        var otherEdEvents = new EventLog<JsonElement>();
        var dispatchEvents = new EventLog<JsonElement>();
        await using var crewHub = await ConnectAsync("/hubs/crew", server.Token(Roles.Crew, vehicle: unit), crewEvents, "CaseMessage", "CaseChanged");
        await using var edHub = await ConnectAsync("/hubs/hospital", server.Token(Roles.Ed, hospital: hospital), edEvents, "CaseMessage");
        await using var otherEdHub = await ConnectAsync("/hubs/hospital", server.Token(Roles.Ed, hospital: otherHospital), otherEdEvents, "CaseMessage");
        await using var dispatchHub = await ConnectAsync("/hubs/dispatch", server.Token(Roles.Dispatcher), dispatchEvents, "CaseMessage");
        var otherCrewEvents = new EventLog<JsonElement>();
        await using var otherCrewHub = await ConnectAsync("/hubs/crew", server.Token(Roles.Crew, vehicle: "A-other"), otherCrewEvents, "CaseMessage", "CaseChanged");
        var crew = server.Client(server.Token(Roles.Crew, vehicle: unit, name: "medic Ray"));
        var ed = server.Client(server.Token(Roles.Ed, hospital: hospital, name: "dr Lee"));
        var path = $"/api/incidents/{caseId}/messages";

        var told = (await ed.PostJsonAsync(path, new { reply = "GoToResus", replyTarget = "2", text = "cath lab on standby" })).Expect(HttpStatusCode.Created);
        Assert.Equal(("M1", "Ed", hospital, "Go to resus 2: cath lab on standby"), (told.Str("id"), told.Str("side"), told.Str("hospitalId"), told.Str("text")));
        var atCrew = await crewEvents.WaitForAsync("CaseMessage", m => m.Str("incidentId") == caseId && m.GetProperty("message").Str("id") == "M1");
        Assert.Equal(("Go to resus 2: cath lab on standby", "dr Lee", "GoToResus"),
            (atCrew.GetProperty("message").Str("text"), atCrew.GetProperty("message").Str("author"), atCrew.GetProperty("message").Str("reply")));
        await dispatchEvents.WaitForAsync("CaseMessage", m => m.Str("incidentId") == caseId && m.GetProperty("message").Str("id") == "M1");

        var reply = (await crew.PostJsonAsync(path, new { text = "copy, resus 2, ETA 6 minutes" })).Expect(HttpStatusCode.Created);
        Assert.Equal(("M2", "Crew"), (reply.Str("id"), reply.Str("side")));
        var atEd = await edEvents.WaitForAsync("CaseMessage", m => m.Str("incidentId") == caseId && m.GetProperty("message").Str("id") == "M2");
        Assert.Equal(("copy, resus 2, ETA 6 minutes", "medic Ray", unit), (atEd.GetProperty("message").Str("text"), atEd.GetProperty("message").Str("author"), atEd.Str("ambulanceId")));

        // The crew's screen also follows its case: the messages changed the timeline.
        await crewEvents.WaitForAsync("CaseChanged", c => c.Str("id") == caseId && c.GetProperty("messages").GetArrayLength() == 2);

        var listed = (await ed.GetJsonAsync(path)).Expect(HttpStatusCode.OK).EnumerateArray().Select(m => m.Str("id")).ToArray();
        Assert.Equal(["M1", "M2"], listed);
        var timeline = (await crew.GetJsonAsync($"/api/incidents/{caseId}")).Expect(HttpStatusCode.OK).GetProperty("timeline").EnumerateArray()
            .Where(e => e.TryGetProperty("event", out var ev) && ev.ValueKind == JsonValueKind.String && ev.GetString() == "Message")
            .Select(e => (e.Str("actor"), e.Str("detail"))).ToArray();
        Assert.Equal([("dr Lee", $"M1 Ed {hospital}: Go to resus 2: cath lab on standby"), ("medic Ray", "M2 Crew: copy, resus 2, ETA 6 minutes")], timeline);

        // Another hospital's ED may not speak on the case, and its board heard nothing of it.
        var otherEd = server.Client(server.Token(Roles.Ed, hospital: otherHospital));
        (await otherEd.PostJsonAsync(path, new { text = "we can take him" })).ExpectProblem(HttpStatusCode.Forbidden);
        (await otherEd.GetJsonAsync(path)).ExpectProblem(HttpStatusCode.Forbidden);
        (await server.Client(server.Token(Roles.Crew, vehicle: "A-other")).PostJsonAsync(path, new { text = "hi" })).ExpectProblem(HttpStatusCode.Forbidden);
        Assert.DoesNotContain(otherEdEvents.All, e => e.Payload.Str("incidentId") == caseId);
        Assert.Empty(otherCrewEvents.All);
        Assert.Equal(2, (await ed.GetJsonAsync(path)).Expect(HttpStatusCode.OK).GetArrayLength());
    }

    [Fact]
    public async Task A_guidance_mark_from_the_ed_reaches_the_crew_hub_within_a_second_on_the_same_frame()
    {
        var (caseId, unit, hospital) = await TransportingCase.StartAsync(server, unitIndex: 8);
        var otherHospital = await OtherHospitalAsync(hospital);
        var crewEvents = new EventLog<JsonElement>();
        var watchingEdEvents = new EventLog<JsonElement>();
        var otherEdEvents = new EventLog<JsonElement>();
        await using var crewHub = await ConnectAsync("/hubs/crew", server.Token(Roles.Crew, vehicle: unit), crewEvents, "GuidanceMark");
        await using var edScreen = await ConnectAsync("/hubs/hospital", server.Token(Roles.Ed, hospital: hospital), watchingEdEvents, "GuidanceMark");
        await edScreen.InvokeAsync<JsonElement>("WatchCase", caseId);
        await using var otherEdHub = await ConnectAsync("/hubs/hospital", server.Token(Roles.Ed, hospital: otherHospital), otherEdEvents, "GuidanceMark");
        var ed = server.Client(server.Token(Roles.Ed, hospital: hospital, name: "dr Lee"));
        var path = $"/api/incidents/{caseId}/guidance";

        var delays = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var sequence = 1_000 + i;
            var points = new[] { new { x = 0.25, y = 0.40 + (i / 100.0) }, new { x = 0.5, y = 0.55 } };
            var clock = Stopwatch.StartNew();
            var posted = (await ed.PostJsonAsync(path, new
            {
                channel = "ultrasound", sequence, shape = "Arrow", points, text = i == 0 ? "needle here" : null, colour = "#00ff00",
            })).Expect(HttpStatusCode.Created);
            var pushed = await crewEvents.WaitForAsync("GuidanceMark", m => m.GetProperty("mark").Str("id") == posted.Str("id"), TimeSpan.FromSeconds(5));
            clock.Stop();
            delays.Add(clock.Elapsed);

            var mark = pushed.GetProperty("mark");
            Assert.Equal((caseId, "ultrasound", (long)sequence, "Arrow", "dr Lee", hospital),
                (pushed.Str("incidentId"), mark.Str("channel"), mark.GetProperty("sequence").GetInt64(), mark.Str("shape"), mark.Str("author"), mark.Str("hospitalId")));
            Assert.Equal(points.Select(p => (p.x, p.y)),
                mark.GetProperty("points").EnumerateArray().Select(p => (p.GetProperty("x").GetDouble(), p.GetProperty("y").GetDouble())));
            Assert.Equal(posted.GetProperty("at").GetDateTimeOffset(), mark.GetProperty("at").GetDateTimeOffset());
            await watchingEdEvents.WaitForAsync("GuidanceMark", m => m.GetProperty("mark").Str("id") == posted.Str("id"));
        }

        output.WriteLine($"POST to crew hub, ms: {string.Join(", ", delays.Select(x => x.TotalMilliseconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))}");
        Assert.All(delays, d => Assert.True(d < TimeSpan.FromSeconds(1), $"POST to crew hub took {d.TotalMilliseconds:F0} ms: {string.Join(", ", delays.Select(x => x.TotalMilliseconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))}"));

        var listed = (await ed.GetJsonAsync(path)).Expect(HttpStatusCode.OK);
        Assert.Equal(["G1", "G2", "G3", "G4", "G5"], listed.EnumerateArray().Select(m => m.Str("id")));
        var guidanceEntries = (await ed.GetJsonAsync($"/api/incidents/{caseId}")).Expect(HttpStatusCode.OK).GetProperty("timeline").EnumerateArray()
            .Where(e => e.TryGetProperty("event", out var ev) && ev.ValueKind == JsonValueKind.String && ev.GetString() == "Guidance")
            .Select(e => e.Str("detail")).ToArray();
        Assert.Equal(["G1 guidance began on ultrasound frame 1000: Arrow \"needle here\""], guidanceEntries);

        // Only the destination ED (or an admin) draws; another ED's screens get nothing of the case.
        var otherEd = server.Client(server.Token(Roles.Ed, hospital: otherHospital));
        var mark2 = new { channel = "video", sequence = 5, shape = "Point", points = new[] { new { x = 0.5, y = 0.5 } } };
        (await otherEd.PostJsonAsync(path, mark2)).ExpectProblem(HttpStatusCode.Forbidden);
        (await server.Client(server.Token(Roles.Crew, vehicle: unit)).PostJsonAsync(path, mark2)).ExpectProblem(HttpStatusCode.Forbidden);
        (await server.Dispatcher().PostJsonAsync(path, mark2)).ExpectProblem(HttpStatusCode.Forbidden);
        await Assert.ThrowsAsync<HubException>(() => otherEdHub.InvokeAsync<JsonElement>("WatchCase", caseId));
        Assert.Empty(otherEdEvents.All);
        Assert.Equal(5, (await ed.GetJsonAsync(path)).Expect(HttpStatusCode.OK).GetArrayLength());
    }

    [Fact]
    public async Task Bad_messages_and_marks_are_refused_per_field_and_change_nothing()
    {
        var (caseId, unit, hospital) = await TransportingCase.StartAsync(server, unitIndex: 9);
        var ed = server.Client(server.Token(Roles.Ed, hospital: hospital));
        var crew = server.Client(server.Token(Roles.Crew, vehicle: unit));
        var messages = $"/api/incidents/{caseId}/messages";
        var guidance = $"/api/incidents/{caseId}/guidance";

        async Task FieldsAsync(HttpClient client, string path, object body, params string[] fields)
        {
            var problem = (await client.PostJsonAsync(path, body)).ExpectProblem(HttpStatusCode.BadRequest);
            Assert.Equal(fields.Order(StringComparer.Ordinal), problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        }

        await FieldsAsync(crew, messages, new { text = "" }, "text");
        await FieldsAsync(crew, messages, new { text = new string('x', 501) }, "text");
        await FieldsAsync(crew, messages, new { reply = "Bogus" }, "reply");
        await FieldsAsync(crew, messages, new { reply = "CathLabActivated" }, "reply");
        await FieldsAsync(ed, messages, new { reply = "DivertTo" }, "replyTarget");
        await FieldsAsync(ed, messages, new { reply = "DivertTo", replyTarget = "H-nowhere" }, "replyTarget");
        await FieldsAsync(ed, messages, new { text = "hi", replyTarget = "2" }, "replyTarget");

        await FieldsAsync(ed, guidance, new { channel = "ecg", sequence = 1, shape = "Point", points = new[] { new { x = 0.5, y = 0.5 } } }, "channel");
        await FieldsAsync(ed, guidance, new { channel = "video", shape = "Point", points = new[] { new { x = 0.5, y = 0.5 } } }, "sequence");
        await FieldsAsync(ed, guidance, new { channel = "video", sequence = 1, shape = "Hexagon", points = new[] { new { x = 0.5, y = 0.5 } } }, "shape");
        await FieldsAsync(ed, guidance, new { channel = "video", sequence = 1, shape = "Point", points = new[] { new { x = 1.5, y = 0.5 } } }, "points[0]");
        await FieldsAsync(ed, guidance, new { channel = "video", sequence = 1, shape = "Circle", points = new[] { new { x = 0.5, y = 0.5 } } }, "points");
        await FieldsAsync(ed, guidance, new { channel = "video", sequence = 1, shape = "Point" }, "points");
        await FieldsAsync(ed, guidance, new { channel = "video", sequence = 0, shape = "Point", points = new[] { new { x = 0.5, y = 0.5 } }, colour = "green" }, "sequence", "colour");
        (await ed.PostJsonAsync(guidance, "not a mark")).ExpectProblem(HttpStatusCode.BadRequest);
        (await ed.PostJsonAsync("/api/incidents/INC-none/guidance", new { })).ExpectProblem(HttpStatusCode.NotFound);

        Assert.Equal(0, (await ed.GetJsonAsync(messages)).Expect(HttpStatusCode.OK).GetArrayLength());
        Assert.Equal(0, (await ed.GetJsonAsync(guidance)).Expect(HttpStatusCode.OK).GetArrayLength());
    }

    [Fact]
    public async Task Only_a_crew_connects_to_the_crew_hub()
    {
        async Task<bool> ConnectsAsync(string? token)
        {
            try
            {
                await using var hub = await ConnectAsync("/hubs/crew", token!, new EventLog<JsonElement>());
                return true;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }

        Assert.True(await ConnectsAsync(server.Token(Roles.Crew, vehicle: "A01")));
        Assert.False(await ConnectsAsync(server.Token(Roles.Ed, hospital: "H1")));
        Assert.False(await ConnectsAsync(server.Token(Roles.Dispatcher)));
        Assert.False(await ConnectsAsync(null));
    }

    private async Task<string> OtherHospitalAsync(string hospital) =>
        (await server.Dispatcher().GetJsonAsync("/api/hospitals")).Expect(HttpStatusCode.OK).EnumerateArray()
            .Select(h => h.Str("id")).First(id => id != hospital);

    private async Task<HubConnection> ConnectAsync(string path, string token, EventLog<JsonElement> log, params string[] events)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        foreach (var name in events)
        {
            hub.On<JsonElement>(name, e => log.Add(name, e));
        }

        await hub.StartAsync();
        return hub;
    }
}
