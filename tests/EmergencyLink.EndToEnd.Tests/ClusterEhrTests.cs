using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using EmergencyLink.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EmergencyLink.EndToEnd.Tests;

/// <summary>
/// The EHR push of a cluster: the outbox is in the shared database, so what a node queued outlives the node. Skipped
/// without the Debian packages, failed in CI.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterEhrTests(ClusterInfrastructure infrastructure)
{
    [SkippableFact]
    public async Task Handover_documents_queued_while_the_ehr_is_down_on_a_node_that_is_then_killed_are_delivered_in_order_by_a_survivor()
    {
        var port = FreePorts.Take(1)[0];
        await using var cluster = await LocalCluster.StartAsync(infrastructure, 2, "ehr", new Dictionary<string, string>
        {
            ["Ehr__Hospitals__H1__BaseUrl"] = $"http://127.0.0.1:{port}/fhir",
            ["Ehr__InitialBackoff"] = "00:00:00.200",
            ["Ehr__MaxBackoff"] = "00:00:01",
            ["Ehr__SenderPollInterval"] = "00:00:00.500",
        });

        // The EHR is down while the patient is pre-alerted; the documents are queued by the node running the case.
        var transport = await TransportingCase.StartAsync(cluster[0]);
        Assert.Equal("H1", transport.HospitalId);
        var hosts = (await cluster[0].Client(cluster[0].Token(Roles.Admin)).GetJsonAsync($"/api/cluster/cases/{transport.CaseId}/hosts"))
            .Expect(HttpStatusCode.OK);
        var victim = cluster.Nodes.Single(n => hosts.GetProperty("caseSilo").GetString()!
            .EndsWith(":" + n.SiloPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var survivor = cluster.Nodes.Single(n => n != victim);
        var admin = survivor.Client(survivor.Token(Roles.Admin));

        // Every node reports the one queue: the survivor sees what the victim queued.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        int queued;
        while ((queued = (await StatusAsync()).GetProperty("pending").GetInt32()) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "No document was queued for H1.");
            await Task.Delay(100);
        }

        victim.Kill();
        var received = new ConcurrentQueue<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        await using var ehr = builder.Build();
        ehr.MapPost("/fhir/Bundle", (HttpRequest request) =>
        {
            received.Enqueue(request.Headers["X-Request-Id"].ToString());
            return Results.StatusCode(StatusCodes.Status201Created);
        });
        await ehr.StartAsync();

        deadline = DateTime.UtcNow.AddSeconds(60);
        System.Text.Json.JsonElement status;
        while ((status = await StatusAsync()).GetProperty("pending").GetInt32() > 0
            || received.IsEmpty)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The survivor did not deliver the killed node's documents: {status}\n{survivor.Output}");
            await Task.Delay(100);
        }

        var versions = received.Select(id => int.Parse(id.Split('/')[2], CultureInfo.InvariantCulture)).ToArray();
        Assert.All(received, id => Assert.StartsWith($"H1/{transport.CaseId}/", id, StringComparison.Ordinal));
        Assert.True(versions.Length >= queued, $"{queued} documents were queued before the kill, {versions.Length} delivered");
        Assert.Equal(versions.Order().Distinct(), versions);
        Assert.Equal(versions[^1], status.GetProperty("lastDelivered").GetProperty("version").GetInt32());

        async Task<System.Text.Json.JsonElement> StatusAsync()
        {
            var (code, body) = await admin.GetJsonAsync("/api/hospitals/H1/ehr");
            Assert.True(code == HttpStatusCode.OK, $"The EHR status answered {code}: {body}\n--- survivor:\n{survivor.Output}\n--- victim:\n{victim.Output}");
            return body;
        }
    }
}
