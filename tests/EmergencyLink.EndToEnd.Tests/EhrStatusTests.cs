using System.Net;
using EmergencyLink.Security;

namespace EmergencyLink.EndToEnd.Tests;

/// <summary>The EHR push as the real host composes it: its settings, its outbox beside the database, its status endpoint.</summary>
public sealed class EhrStatusTests
{
    [Fact]
    public async Task The_ehr_status_shows_a_hospitals_push_to_its_ed_and_admins_only()
    {
        // Nothing listens there; no document is produced yet, so nothing is sent either.
        var ehr = $"http://127.0.0.1:{FreePorts.Take(1)[0]}/fhir";
        await using var server = new ServerProcess(environment: new Dictionary<string, string> { ["Ehr__Hospitals__H1__BaseUrl"] = ehr });
        await server.StartAsync();
        var admin = server.Client(server.Token(Roles.Admin));

        var h1 = (await admin.GetJsonAsync("/api/hospitals/H1/ehr")).Expect(HttpStatusCode.OK);
        Assert.Equal("H1", h1.Str("hospitalId"));
        Assert.True(h1.GetProperty("configured").GetBoolean());
        Assert.Equal(ehr, h1.Str("baseUrl"));
        Assert.Equal("Document", h1.Str("mode"));
        Assert.Equal(0, h1.GetProperty("pending").GetInt32());
        Assert.Equal(0, h1.GetProperty("rejected").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, h1.GetProperty("lastDelivered").ValueKind);

        var h2 = (await server.Client(server.Token(Roles.Ed, hospital: "H2")).GetJsonAsync("/api/hospitals/H2/ehr")).Expect(HttpStatusCode.OK);
        Assert.False(h2.GetProperty("configured").GetBoolean());

        (await server.Client(server.Token(Roles.Ed, hospital: "H1")).GetJsonAsync("/api/hospitals/H1/ehr")).Expect(HttpStatusCode.OK);
        (await server.Client(server.Token(Roles.Ed, hospital: "H2")).GetJsonAsync("/api/hospitals/H1/ehr")).ExpectProblem(HttpStatusCode.Forbidden);
        (await server.Dispatcher().GetJsonAsync("/api/hospitals/H1/ehr")).ExpectProblem(HttpStatusCode.Forbidden);
        (await admin.GetJsonAsync("/api/hospitals/H999/ehr")).ExpectProblem(HttpStatusCode.NotFound);
        Assert.True(File.Exists(Path.Combine(server.Folder, "ehr-outbox.db")), "The outbox is beside the database.");
    }

    [Fact]
    public async Task A_server_with_ehr_settings_it_cannot_honour_refuses_to_start_and_says_why()
    {
        await using var server = new ServerProcess(environment: new Dictionary<string, string>
        {
            ["Ehr__Hospitals__H1__BaseUrl"] = "ehr.example.org/fhir",
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(server.StartAsync);

        Assert.Contains("Ehr:Hospitals:H1:BaseUrl must be an absolute http(s) URL", error.Message, StringComparison.Ordinal);
    }
}
