using System.Collections.Concurrent;
using System.Net;
using EmergencyLink.Handover;
using EmergencyLink.Security;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Task = System.Threading.Tasks.Task;

namespace EmergencyLink.EndToEnd.Tests;

/// <summary>The handover as the hospital's EHR receives it from the running system: pre-alert and every update, in order.</summary>
public sealed class EhrPushTests
{
    [Fact]
    public async Task The_destination_ehr_gets_every_version_of_the_handover_in_order_once_it_is_back_up()
    {
        var port = FreePorts.Take(1)[0];
        await using var server = new ServerProcess(environment: new Dictionary<string, string>
        {
            ["Ehr__Hospitals__H1__BaseUrl"] = $"http://127.0.0.1:{port}/fhir",
            ["Ehr__InitialBackoff"] = "00:00:00.200",
            ["Ehr__MaxBackoff"] = "00:00:01",
        });
        await server.StartAsync();

        // The EHR is down while the patient is pre-alerted and the crew documents.
        var (caseId, unit, hospital) = await TransportingCase.StartAsync(server);
        Assert.Equal("H1", hospital);
        var crew = server.Client(server.Token(Roles.Crew, vehicle: unit));
        (await crew.PostJsonAsync($"/api/incidents/{caseId}/documentation", new { kind = "ChiefComplaint", text = "fall from a ladder" })).Expect(HttpStatusCode.Created);
        await Task.Delay(TimeSpan.FromSeconds(2));
        (await crew.PostJsonAsync($"/api/incidents/{caseId}/documentation", new { kind = "Impression", text = "closed femur fracture" })).Expect(HttpStatusCode.Created);
        var pending = (await server.Client(server.Token(Roles.Admin)).GetJsonAsync("/api/hospitals/H1/ehr")).Expect(HttpStatusCode.OK);
        Assert.True(pending.GetProperty("pending").GetInt32() >= 1, pending.ToString());

        var received = new ConcurrentQueue<(string? RequestId, string Body)>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        await using var ehr = builder.Build();
        ehr.MapPost("/fhir/Bundle", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            received.Enqueue((request.Headers["X-Request-Id"].ToString(), await reader.ReadToEndAsync()));
            return Results.StatusCode(StatusCodes.Status201Created);
        });
        await ehr.StartAsync();

        var incident = (await server.Client(server.Token(Roles.Admin)).GetJsonAsync($"/api/incidents/{caseId}")).Expect(HttpStatusCode.OK);
        var version = incident.GetProperty("timeline").GetArrayLength();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!received.Any(r => r.RequestId == $"H1/{caseId}/{version}") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var versions = received.Select(r => int.Parse(r.RequestId!.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(version, versions[^1]);
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(versions.Distinct().Count(), versions.Length);
        var latest = HandoverSerializer.FromJson(received.Last().Body);
        Assert.Equal(Bundle.BundleType.Document, latest.Type);
        Assert.Contains(latest.Entry, e => e.Resource is Condition c && c.Code?.Text == "closed femur fracture");
        Assert.True(HandoverValidator.Shared.Validate(latest).Errors.Count == 0);
    }
}
