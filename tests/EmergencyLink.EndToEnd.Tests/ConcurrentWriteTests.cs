using System.Net;
using Microsoft.Data.Sqlite;

namespace EmergencyLink.EndToEnd.Tests;

/// <summary>
/// A write that loses an ETag race is refused with a 409 and changes nothing, and the case serves the stored truth
/// afterwards. The race is made by moving the stored row's ETag under the running server, as a second activation of
/// the same grain on another node would by writing first.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ConcurrentWriteTests(ServerFixture fixture)
{
    private readonly ServerProcess server = fixture.Server;

    [Fact]
    public async Task A_transition_that_loses_a_concurrent_write_is_a_409_that_changes_nothing_and_the_retry_succeeds()
    {
        var dispatcher = server.Dispatcher();
        var id = (await dispatcher.PostJsonAsync("/api/incidents", Http.NewIncident())).Expect(HttpStatusCode.Created).Str("id");

        await using (var storage = new SqliteConnection($"Data Source={server.StoragePath};Default Timeout=10"))
        {
            await storage.OpenAsync();
            await using var bump = storage.CreateCommand();
            bump.CommandText = "UPDATE grain_state SET etag = etag + 1 WHERE grain_key LIKE $key;";
            bump.Parameters.AddWithValue("$key", $"%{id}%");
            Assert.Equal(1, await bump.ExecuteNonQueryAsync());
        }

        var lost = await dispatcher.PostJsonAsync($"/api/incidents/{id}/transitions", new { trigger = "Triage" });

        lost.ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("Received", (await dispatcher.GetJsonAsync($"/api/incidents/{id}")).Expect(HttpStatusCode.OK).Str("state"));
        var retried = (await dispatcher.PostJsonAsync($"/api/incidents/{id}/transitions", new { trigger = "Triage" })).Expect(HttpStatusCode.OK);
        Assert.Equal("Triaged", retried.Str("state"));
    }
}
