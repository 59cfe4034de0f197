using EmergencyLink.Storage.Reminders;
using Npgsql;

namespace EmergencyLink.Storage.Tests;

/// <summary>The shared contract on PostgreSQL, plus several nodes creating the schema at once.</summary>
public sealed class PostgreSqlReminderTableTests(LocalPostgres postgres) : ReminderTableContract, IClassFixture<LocalPostgres>
{
    protected override ReminderTableHarness Harness() => new PostgreSqlReminderTableHarness(postgres);

    [SkippableFact]
    public async Task Three_nodes_starting_at_once_on_an_empty_database_create_the_schema_once_and_share_their_rows()
    {
        await using var h = new PostgreSqlReminderTableHarness(postgres);
        var nodes = Enumerable.Range(0, 3).Select(_ => h.Open(ReminderTableHarness.Service)).ToArray();

        await Task.WhenAll(nodes.Select(n => n.StartAsync()));
        var etag = await nodes[2].UpsertRow(Entry("case-1"));

        Assert.Equal(etag, (await nodes[0].ReadRow(Grain("case-1"), Name))!.ETag);
        await using var connection = new NpgsqlConnection(h.ConnectionString);
        await connection.OpenAsync();
        await using var version = new NpgsqlCommand($"SELECT version FROM schema_versions WHERE component = '{PostgreSqlReminderTable.Component}'", connection);
        Assert.Equal(PostgreSqlReminderTable.Schema.Count, (int)(await version.ExecuteScalarAsync())!);
    }
}
