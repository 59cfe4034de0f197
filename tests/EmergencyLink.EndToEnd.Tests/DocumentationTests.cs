using System.Net;
using System.Text.Json;
using EmergencyLink.Security;

namespace EmergencyLink.EndToEnd.Tests;

[Collection(ServerCollection.Name)]
public sealed class DocumentationTests(ServerFixture fixture)
{
    private readonly ServerProcess server = fixture.Server;

    [Fact]
    public async Task The_crew_documents_the_patient_corrections_keep_the_original_and_the_receiving_ed_reads_the_record()
    {
        var (caseId, unit, hospital) = await TransportingCase.StartAsync(server, unitIndex: 3);
        var crew = server.Client(server.Token(Roles.Crew, vehicle: unit, name: "paramedic Ada"));
        var ed = server.Client(server.Token(Roles.Ed, hospital: hospital, name: "dr Lee"));
        var path = $"/api/incidents/{caseId}/documentation";

        var patient = (await crew.PostJsonAsync(path, new
        {
            kind = "Patient", text = "found collapsed, no identification",
            patient = new { sex = "male", ageYears = 60, ageEstimated = true },
        })).Expect(HttpStatusCode.Created);
        Assert.Equal(("D1", "paramedic Ada"), (patient.Str("id"), patient.Str("author")));
        (await crew.PostJsonAsync(path, new { kind = "ChiefComplaint", text = "crushing central chest pain for 40 minutes" })).Expect(HttpStatusCode.Created);
        var aspirin = (await crew.PostJsonAsync(path, new
        {
            kind = "MedicationGiven", text = "aspirin", value = 30, unit = "mg", route = "PO", at = DateTimeOffset.UtcNow.AddMinutes(-2),
            code = new { system = "http://www.nlm.nih.gov/research/umls/rxnorm", code = "1191", display = "aspirin" },
        })).Expect(HttpStatusCode.Created);
        var gcs = (await crew.PostJsonAsync($"{path}/gcs", new { eye = 4, verbal = 4, motor = 6 })).Expect(HttpStatusCode.Created);
        Assert.Equal(14, gcs.GetProperty("value").GetInt32());
        Assert.Equal("9269-2", gcs.GetProperty("code").Str("code"));
        (await crew.PostJsonAsync($"{path}/pain", new { score = 8, site = "central chest" })).Expect(HttpStatusCode.Created);

        var corrected = (await crew.PostJsonAsync($"{path}/{aspirin.Str("id")}/amendments", new
        {
            reason = "dose mistyped", entry = new { kind = "MedicationGiven", text = "aspirin", value = 300, unit = "mg", route = "PO" },
        })).Expect(HttpStatusCode.Created);
        Assert.Equal(aspirin.Str("id"), corrected.Str("amends"));
        (await crew.PostJsonAsync($"{path}/{aspirin.Str("id")}/amendments", new { reason = "again", retract = true }))
            .ExpectProblem(HttpStatusCode.Conflict);
        var identified = (await crew.PostJsonAsync($"{path}/D1/amendments", new
        {
            reason = "identified by his wife",
            entry = new { kind = "Patient", text = "identified", patient = new { name = "John Doe", sex = "male", birthDate = "1966-05-04" } },
        })).Expect(HttpStatusCode.Created);
        Assert.Equal("John Doe", identified.GetProperty("patient").Str("name"));

        var record = (await ed.GetJsonAsync(path)).Expect(HttpStatusCode.OK);
        Assert.Equal("John Doe", record.GetProperty("patient").Str("name"));
        var current = record.GetProperty("current").EnumerateArray().ToArray();
        Assert.Equal(["Patient", "ChiefComplaint", "MedicationGiven", "Assessment", "Assessment"], current.Select(e => e.Str("kind")));
        Assert.Equal(300, current[2].GetProperty("value").GetDouble());
        Assert.Equal(7, record.GetProperty("all").GetArrayLength());
        Assert.Equal(30, record.GetProperty("all")[2].GetProperty("value").GetDouble());

        var incident = (await ed.GetJsonAsync($"/api/incidents/{caseId}")).Expect(HttpStatusCode.OK);
        var events = incident.GetProperty("timeline").EnumerateArray()
            .Where(e => e.TryGetProperty("event", out var ev) && ev.ValueKind == JsonValueKind.String)
            .Select(e => e.Str("event")).ToArray();
        Assert.Equal(5, events.Count(e => e == "Documented"));
        Assert.Equal(2, events.Count(e => e == "DocumentationAmended"));
    }

    [Fact]
    public async Task Bad_entries_and_foreign_users_are_refused_and_change_nothing()
    {
        var (caseId, unit, hospital) = await TransportingCase.StartAsync(server, unitIndex: 4);
        var crew = server.Client(server.Token(Roles.Crew, vehicle: unit));
        var path = $"/api/incidents/{caseId}/documentation";

        var noDose = (await crew.PostJsonAsync(path, new { kind = "MedicationGiven", text = "morphine", route = "IV" })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Equal(["unit", "value"], noDose.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        (await crew.PostJsonAsync(path, new { kind = "Horoscope", text = "x" })).ExpectProblem(HttpStatusCode.BadRequest);
        (await crew.PostJsonAsync(path, new { kind = "Note", text = "x", at = DateTimeOffset.UtcNow.AddHours(2) })).ExpectProblem(HttpStatusCode.BadRequest);
        (await crew.PostJsonAsync(path, new { kind = "Patient", text = "p", patient = new { sex = "dragon" } })).ExpectProblem(HttpStatusCode.BadRequest);
        (await crew.PostJsonAsync($"{path}/gcs", new { eye = 5, verbal = 4, motor = 6 })).ExpectProblem(HttpStatusCode.BadRequest);
        (await crew.PostJsonAsync($"{path}/pain", new { score = 11 })).ExpectProblem(HttpStatusCode.BadRequest);
        (await crew.PostJsonAsync($"{path}/D1/amendments", new { retract = true })).ExpectProblem(HttpStatusCode.BadRequest);
        (await crew.PostJsonAsync($"{path}/D9/amendments", new { reason = "r", retract = true })).ExpectProblem(HttpStatusCode.NotFound);
        (await server.Client(server.Token(Roles.Crew, vehicle: "A-other")).PostJsonAsync(path, new { kind = "Note", text = "x" }))
            .ExpectProblem(HttpStatusCode.Forbidden);
        (await server.Client(server.Token(Roles.Ed, hospital: hospital)).PostJsonAsync(path, new { kind = "Note", text = "x" }))
            .ExpectProblem(HttpStatusCode.Forbidden);
        (await server.Client(server.Token(Roles.Ed, hospital: "H-nowhere")).GetJsonAsync(path)).ExpectProblem(HttpStatusCode.Forbidden);
        (await crew.PostJsonAsync("/api/incidents/INC-999999/documentation", new { kind = "Note", text = "x" })).ExpectProblem(HttpStatusCode.NotFound);
        (await crew.PostJsonAsync("/api/incidents/..%2F/documentation", new { kind = "Note", text = "x" })).ExpectProblem(HttpStatusCode.NotFound);

        var record = (await crew.GetJsonAsync(path)).Expect(HttpStatusCode.OK);
        Assert.Equal(0, record.GetProperty("all").GetArrayLength());
    }
}
