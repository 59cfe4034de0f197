using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using EmergencyLink.Handover;
using EmergencyLink.Security;
using EmergencyLink.VehicleLink;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Task = System.Threading.Tasks.Task;

namespace EmergencyLink.EndToEnd.Tests;

/// <summary>The handover as a receiving hospital's system reads it: Firely's own FhirClient against /fhir.</summary>
[Collection(ServerCollection.Name)]
public sealed class FhirInterfaceTests(ServerFixture fixture, ITestOutputHelper output) : IDisposable
{
    private readonly ServerProcess server = fixture.Server;
    private readonly string folder = Directory.CreateTempSubdirectory("el-fhir-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private FhirClient Client(string token, ResourceFormat format = ResourceFormat.Json)
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new FhirClient(new Uri(server.BaseAddress, "/fhir"), http, new FhirClientSettings { PreferredFormat = format });
    }

    [Fact]
    public async Task A_receiving_ed_reads_a_valid_current_handover_of_its_inbound_patient_in_json_and_xml()
    {
        var (caseId, unit, hospital) = await TransportingCase.StartAsync(server, unitIndex: 5);
        var crew = server.Client(server.Token(Roles.Crew, vehicle: unit, name: "paramedic Ada"));
        var record = $"/api/incidents/{caseId}/documentation";
        var pushed = new EventLog<JsonElement>();
        await using var board = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/hospital"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(server.Token(Roles.Ed, hospital: hospital)))
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        board.On<JsonElement>("HandoverUpdated", e => pushed.Add("HandoverUpdated", e));
        await board.StartAsync();
        var elsewhere = new EventLog<JsonElement>();
        await using var otherBoard = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/hospital"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(server.Token(Roles.Ed, hospital: "H-nowhere")))
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        otherBoard.On<JsonElement>("HandoverUpdated", e => elsewhere.Add("HandoverUpdated", e));
        await otherBoard.StartAsync();
        (await crew.PostJsonAsync(record, new { kind = "Patient", text = "no identification", patient = new { sex = "male", ageYears = 60, ageEstimated = true } }))
            .Expect(HttpStatusCode.Created);
        (await crew.PostJsonAsync(record, new { kind = "ChiefComplaint", text = "central chest pain for 40 minutes" })).Expect(HttpStatusCode.Created);
        (await crew.PostJsonAsync(record, new { kind = "MedicationGiven", text = "aspirin", value = 300, unit = "mg", route = "PO" })).Expect(HttpStatusCode.Created);
        (await crew.PostJsonAsync($"{record}/gcs", new { eye = 4, verbal = 5, motor = 6 })).Expect(HttpStatusCode.Created);
        (await crew.PostJsonAsync(record, new { kind = "Impression", text = "acute coronary syndrome" })).Expect(HttpStatusCode.Created);

        // A few seconds of monitor data, so the document charts vitals and carries an ECG strip.
        await using (var gateway = new VehicleGateway(new VehicleGatewayOptions
        {
            ServerUrl = server.BaseAddress,
            VehicleId = unit,
            AccessTokenProvider = () => Task.FromResult<string?>(server.Token(Roles.Crew, vehicle: unit)),
            OutboxPath = Path.Combine(folder, "outbox.db"),
        }))
        {
            await gateway.StartAsync();
            await new LiveStream(gateway, caseId).RunAsync(TimeSpan.FromSeconds(3));
            Assert.True(await gateway.WaitUntilDrainedAsync(TimeSpan.FromSeconds(20)), "the outbox did not drain");
        }

        var ed = Client(server.Token(Roles.Ed, hospital: hospital, name: "dr Lee"));
        var statement = await ed.CapabilityStatementAsync();
        Assert.Equal(FHIRVersion.N4_0_1, statement!.FhirVersion);
        Assert.Equal(["Bundle", "Patient", "Observation"], statement.Rest[0].Resource.Select(r => r.Type));

        var document = await ed.ReadAsync<Bundle>($"Bundle/{caseId}");
        Assert.Equal(Bundle.BundleType.Document, document!.Type);
        var composition = Assert.IsType<Composition>(document.Entry[0].Resource);
        Assert.Equal(CompositionStatus.Preliminary, composition.Status);
        var validation = HandoverValidator.Shared.Validate(document);
        Assert.True(validation.Errors.Count == 0, string.Join("\n", validation.Errors.Select(e => $"{e.Location}: {e.Message}")));
        var resources = document.Entry.Select(e => e.Resource).ToArray();
        Assert.Contains(resources, r => r is MedicationAdministration);
        Assert.Contains(resources, r => r is Condition);
        var observations = resources.OfType<Observation>().ToArray();
        Assert.Contains(observations, o => o.Code.Coding.Any(c => c.Code == "8867-4"));
        Assert.Contains(observations, o => o.Component.Any(c => c.Value is SampledData));

        // The board got the same document, kept current by pushes after each change of the record.
        var latest = await pushed.WaitForAsync("HandoverUpdated",
            m => m.Str("incidentId") == caseId && m.Str("bundle").Contains("acute coronary syndrome", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        var onBoard = HandoverSerializer.FromJson(latest.Str("bundle"));
        Assert.DoesNotContain(elsewhere.All, e => e.Payload.Str("incidentId") == caseId);
        Assert.Equal(Bundle.BundleType.Document, onBoard.Type);
        Assert.Equal(document.Entry.Count(e => e.Resource is MedicationAdministration), onBoard.Entry.Count(e => e.Resource is MedicationAdministration));

        // The server's own check, as an integrator would ask for it.
        var check = await ed.GetAsync($"Bundle/{caseId}/$validate");
        var outcome = Assert.IsType<OperationOutcome>(check);
        Assert.DoesNotContain(outcome.Issue, i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal);

        var patient = await Client(server.Token(Roles.Ed, hospital: hospital), ResourceFormat.Xml).ReadAsync<Patient>($"Patient/{caseId}");
        Assert.Equal(caseId, patient!.Id);
        Assert.Equal(AdministrativeGender.Male, patient.Gender);

        var heartRates = await ed.SearchAsync<Observation>([$"encounter=Encounter/{caseId}", "code=http://loinc.org|8867-4"]);
        Assert.NotEmpty(heartRates!.Entry);
        Assert.All(heartRates.Entry.Select(e => Assert.IsType<Observation>(e.Resource)), o =>
        {
            Assert.Equal($"Encounter/{caseId}", o.Encounter?.Reference);
            Assert.Equal($"Patient/{caseId}", o.Subject?.Reference);
        });
        var all = await ed.SearchAsync<Observation>([$"encounter={caseId}"]);
        Assert.True(all!.Entry.Count > heartRates.Entry.Count);
        output.WriteLine($"document: {document.Entry.Count} entries; {all.Entry.Count} observations; {validation.Warnings.Count} validator warnings");
    }

    [Fact]
    public async Task Everyone_but_the_receiving_ed_is_refused_with_an_operation_outcome()
    {
        var (caseId, unit, hospital) = await TransportingCase.StartAsync(server, unitIndex: 6);

        var other = Client(server.Token(Roles.Ed, hospital: "H-nowhere"));
        var forbidden = await Assert.ThrowsAsync<FhirOperationException>(() => other.ReadAsync<Bundle>($"Bundle/{caseId}"));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        Assert.Equal(OperationOutcome.IssueType.Forbidden, forbidden.Outcome!.Issue[0].Code);
        var crew = await Assert.ThrowsAsync<FhirOperationException>(() => Client(server.Token(Roles.Crew, vehicle: unit)).ReadAsync<Patient>($"Patient/{caseId}"));
        Assert.Equal(HttpStatusCode.Forbidden, crew.Status);
        await Assert.ThrowsAsync<FhirOperationException>(() => other.SearchAsync<Observation>([$"encounter={caseId}"]));

        var ed = Client(server.Token(Roles.Ed, hospital: hospital));
        var missing = await Assert.ThrowsAsync<FhirOperationException>(() => ed.ReadAsync<Bundle>("Bundle/INC-999999"));
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        var noEncounter = await Assert.ThrowsAsync<FhirOperationException>(() => ed.SearchAsync<Observation>(["code=8867-4"]));
        Assert.Equal(HttpStatusCode.BadRequest, noEncounter.Status);

        using var anonymous = new HttpClient { BaseAddress = server.BaseAddress };
        var unauthorized = await anonymous.GetAsync($"/fhir/Bundle/{caseId}");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Contains("OperationOutcome", await unauthorized.Content.ReadAsStringAsync());

        var raw = server.Client(server.Token(Roles.Ed, hospital: hospital));
        var turtle = await raw.GetAsync($"/fhir/Bundle/{caseId}?_format=turtle");
        Assert.Equal(HttpStatusCode.NotAcceptable, turtle.StatusCode);
        var unknown = await raw.GetAsync("/fhir/MedicationRequest/1");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("OperationOutcome", await unknown.Content.ReadAsStringAsync());
        var lenient = await raw.GetAsync($"/fhir/Observation?encounter={caseId}&_count=5");
        Assert.Equal(HttpStatusCode.OK, lenient.StatusCode);
        using (var strict = new HttpRequestMessage(HttpMethod.Get, $"/fhir/Observation?encounter={caseId}&_count=5"))
        {
            strict.Headers.Add("Prefer", "handling=strict");
            Assert.Equal(HttpStatusCode.BadRequest, (await raw.SendAsync(strict)).StatusCode);
        }

        var xml = await raw.GetAsync($"/fhir/Bundle/{caseId}?_format=xml");
        Assert.Equal("application/fhir+xml", xml.Content.Headers.ContentType!.MediaType);
    }
}
