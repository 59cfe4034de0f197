using System.Net;
using EmergencyLink.Security;

namespace EmergencyLink.EndToEnd.Tests;

[Collection(ServerCollection.Name)]
public sealed class ClinicalAlertTests(ServerFixture fixture)
{
    private readonly ServerProcess server = fixture.Server;

    [Fact]
    public async Task A_crew_stroke_assessment_raises_alerts_the_receiving_ed_acknowledges_and_steers_the_destination()
    {
        var (caseId, unit, hospital) = await TransportingCase.StartAsync(server);
        var crew = server.Client(server.Token(Roles.Crew, vehicle: unit, name: "medic Ray"));
        var ed = server.Client(server.Token(Roles.Ed, hospital: hospital, name: "dr Lee"));
        var otherEd = server.Client(server.Token(Roles.Ed, hospital: "H-nowhere"));
        var assessment = new
        {
            beFast = new { balance = false, eyes = true, face = true, arm = true, speech = true, lastKnownWell = DateTimeOffset.UtcNow.AddHours(-1) },
            race = new { facialPalsy = 2, armMotor = 2, legMotor = 1, headAndGazeDeviation = 1, hemiparesis = "Right", aphasiaOrAgnosia = 2 },
        };

        // Bad scale items and foreign users change nothing.
        (await crew.PostJsonAsync($"/api/incidents/{caseId}/assessments/stroke",
            new { beFast = assessment.beFast, lams = new { facialDroop = 3, armDrift = 0, gripStrength = 0 } })).ExpectProblem(HttpStatusCode.BadRequest);
        (await server.Client(server.Token(Roles.Crew, vehicle: "A-other")).PostJsonAsync($"/api/incidents/{caseId}/assessments/stroke", assessment))
            .ExpectProblem(HttpStatusCode.Forbidden);
        Assert.Empty((await ed.GetJsonAsync($"/api/incidents/{caseId}/alerts")).Expect(HttpStatusCode.OK).EnumerateArray());

        var raised = (await crew.PostJsonAsync($"/api/incidents/{caseId}/assessments/stroke", assessment)).Expect(HttpStatusCode.OK)
            .EnumerateArray().ToArray();

        Assert.Equal(["SuspectedStroke", "SuspectedLvoStroke"], raised.Select(a => a.Str("kind")));
        Assert.Contains("RACE 8/9", raised[1].Str("summary"));
        var lvo = raised[1].Str("id");
        var ranked = (await crew.GetJsonAsync($"/api/incidents/{caseId}/destinations")).Expect(HttpStatusCode.OK).EnumerateArray().ToArray();
        Assert.Contains("LargeVesselStroke", ranked[0].GetProperty("reasons")[0].GetString());

        (await otherEd.PostJsonAsync($"/api/incidents/{caseId}/alerts/{lvo}/acknowledge", new { })).ExpectProblem(HttpStatusCode.Forbidden);
        (await ed.PostJsonAsync($"/api/incidents/{caseId}/alerts/A99/acknowledge", new { })).ExpectProblem(HttpStatusCode.NotFound);
        var acknowledged = (await ed.PostJsonAsync($"/api/incidents/{caseId}/alerts/{lvo}/acknowledge", new { })).Expect(HttpStatusCode.OK);
        Assert.Equal("dr Lee", acknowledged.Str("acknowledgedBy"));
        (await ed.PostJsonAsync($"/api/incidents/{caseId}/alerts/{lvo}/acknowledge", new { })).ExpectProblem(HttpStatusCode.Conflict);

        var incident = (await ed.GetJsonAsync($"/api/incidents/{caseId}")).Expect(HttpStatusCode.OK);
        var events = incident.GetProperty("timeline").EnumerateArray()
            .Where(e => e.TryGetProperty("event", out var ev) && ev.ValueKind == System.Text.Json.JsonValueKind.String)
            .Select(e => e.Str("event")).ToArray();
        Assert.Equal(["Documented", "Alert", "Alert", "AlertAcknowledged"], events);

        foreach (var trigger in new[] { "ArriveHospital", "Handover", "Close" })
        {
            (await server.Client(server.Token(Roles.Admin)).PostJsonAsync($"/api/incidents/{caseId}/transitions", new { trigger })).Expect(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task A_crew_trauma_assessment_with_a_red_criterion_raises_major_trauma_and_steers_to_a_trauma_centre()
    {
        var (caseId, unit, _) = await TransportingCase.StartAsync(server, unitIndex: 2);
        var crew = server.Client(server.Token(Roles.Crew, vehicle: unit, name: "medic Ray"));

        // Out-of-range findings are refused field by field and record nothing; so is someone else's crew.
        var bad = (await crew.PostJsonAsync($"/api/incidents/{caseId}/assessments/trauma",
            new { gcs = new { eye = 5, verbal = 4, motor = 6 }, systolicBloodPressure = -3, ageYears = 200 })).ExpectProblem(HttpStatusCode.BadRequest);
        var fields = bad.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ToArray();
        Assert.Equal(["ageYears", "gcs.eye", "systolicBloodPressure"], fields);
        (await server.Client(server.Token(Roles.Crew, vehicle: "A-other")).PostJsonAsync($"/api/incidents/{caseId}/assessments/trauma", new { crewConcerned = true }))
            .ExpectProblem(HttpStatusCode.Forbidden);

        // A fall from 4 m alone is yellow: recorded with its advice, no trauma-team alert.
        var yellow = (await crew.PostJsonAsync($"/api/incidents/{caseId}/assessments/trauma", new { ageYears = 40, fallHeightMetres = 4.0 }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal("Yellow", yellow.Str("level"));
        Assert.Empty(yellow.GetProperty("alerts").EnumerateArray());
        Assert.Contains(yellow.GetProperty("notAssessed").EnumerateArray(), n => n.GetString()!.Contains("respiratory rate", StringComparison.Ordinal));

        var red = (await crew.PostJsonAsync($"/api/incidents/{caseId}/assessments/trauma", new
        {
            ageYears = 34,
            gcs = new { eye = 3, verbal = 4, motor = 5 },
            respiratoryRate = 24,
            oxygenSaturation = 95,
            onSupplementalOxygen = false,
            systolicBloodPressure = 84,
            heartRate = 128,
            suspectedPelvicFracture = true,
            pedestrianOrCyclistThrownRunOverOrWithSignificantImpact = true,
        })).Expect(HttpStatusCode.OK);
        Assert.Equal("Red", red.Str("level"));
        var criteria = red.GetProperty("criteriaMet").EnumerateArray().Select(c => c.Str("criterion")).ToArray();
        Assert.Contains("SuspectedPelvicFracture", criteria);
        Assert.Contains("UnableToFollowCommands", criteria);
        Assert.Contains("SystolicBloodPressure", criteria);
        Assert.Contains("PedestrianOrCyclistStruck", criteria);
        var alert = Assert.Single(red.GetProperty("alerts").EnumerateArray());
        Assert.Equal("MajorTrauma", alert.Str("kind"));
        Assert.Contains("pelvic", alert.Str("summary"), StringComparison.Ordinal);

        var ranked = (await crew.GetJsonAsync($"/api/incidents/{caseId}/destinations")).Expect(HttpStatusCode.OK).EnumerateArray().ToArray();
        Assert.Contains("MajorTrauma", ranked[0].GetProperty("reasons")[0].GetString());
        var incident = (await crew.GetJsonAsync($"/api/incidents/{caseId}")).Expect(HttpStatusCode.OK);
        var events = incident.GetProperty("timeline").EnumerateArray()
            .Where(e => e.TryGetProperty("event", out var ev) && ev.ValueKind == System.Text.Json.JsonValueKind.String)
            .Select(e => e.Str("event")).ToArray();
        Assert.Equal(["Documented", "Documented", "Alert"], events);
        var triages = (await crew.GetJsonAsync($"/api/incidents/{caseId}/documentation")).Expect(HttpStatusCode.OK).GetProperty("current").EnumerateArray().ToArray();
        Assert.Equal([1, 2], triages.Select(t => t.GetProperty("components")[0].GetProperty("value").GetInt32()));
        Assert.All(triages, t => Assert.Equal(("Assessment", "field triage level"), (t.Str("kind"), t.GetProperty("components")[0].Str("name"))));

        foreach (var trigger in new[] { "ArriveHospital", "Handover", "Close" })
        {
            (await server.Client(server.Token(Roles.Admin)).PostJsonAsync($"/api/incidents/{caseId}/transitions", new { trigger })).Expect(HttpStatusCode.OK);
        }
    }
}
