using EmergencyLink.Storage.PostgreSql;

namespace EmergencyLink.Ehr.Tests;

/// <summary>
/// The contract on PostgreSQL, plus what only a shared outbox has to get right: nodes enqueueing one case's versions
/// at once, and nodes creating the schema at once.
/// </summary>
public sealed class PostgreSqlEhrOutboxTests(LocalPostgres postgres) : EhrOutboxContract, IClassFixture<LocalPostgres>
{
    private string? connectionString;

    private string ConnectionString => connectionString ??= postgres.CreateDatabase("ehr");

    protected override IEhrOutbox Open() => PostgreSqlEhrOutbox.Open(ConnectionString, PostgreSqlSchema.MigrateAsync);

    [SkippableFact]
    public async Task Versions_of_one_case_enqueued_through_two_nodes_at_once_are_queued_in_version_order()
    {
        var nodes = new[] { Open(), Open() };
        try
        {
            // Each version through either node, all at once and in no particular order: whichever order they commit in,
            // a version that is not newer than one already queued is refused, so the queue only ever goes up.
            var versions = Enumerable.Range(1, 60).OrderBy(_ => Random.Shared.Next()).ToArray();
            var outcomes = await Task.WhenAll(versions.Select(v => nodes[v % 2].EnqueueAsync(Bundles.For("H1", "INC-1", v), Now)));

            var queued = versions.Zip(outcomes).Where(p => p.Second == EhrEnqueueOutcome.Queued).Select(p => p.First).ToHashSet();
            Assert.DoesNotContain(EhrEnqueueOutcome.Duplicate, outcomes);
            Assert.Contains(60, queued);

            var delivered = new List<int>();
            while (await nodes[delivered.Count % 2].PeekHeadAsync("H1", CancellationToken.None) is { } head)
            {
                delivered.Add(head.Version);
                await nodes[delivered.Count % 2].MarkDeliveredAsync(head, Now);
            }

            Assert.Equal(queued.Order(), delivered);
            Assert.Equal(EhrEnqueueOutcome.Duplicate, await nodes[1].EnqueueAsync(Bundles.For("H1", "INC-1", 60), Now));
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    [SkippableFact]
    public async Task Nodes_starting_at_once_create_the_schema_once_and_all_enqueue()
    {
        var nodes = Enumerable.Range(0, 4).Select(_ => Open()).ToArray();
        try
        {
            var outcomes = await Task.WhenAll(nodes.Select((node, i) => node.EnqueueAsync(Bundles.For("H1", $"INC-{i}", 1), Now)));

            Assert.All(outcomes, o => Assert.Equal(EhrEnqueueOutcome.Queued, o));
            Assert.Equal(4, (await nodes[0].ReadStateAsync("H1", CancellationToken.None)).Pending);
            Assert.Equal("1", postgres.Psql("SELECT version FROM schema_versions WHERE component = 'ehr_outbox'", DatabaseName()).Trim());
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    private string DatabaseName() => new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString).Database!;
}
