using EmergencyLink.Storage.PostgreSql;
using Orleans.Storage;

namespace EmergencyLink.Storage.Tests;

/// <summary>
/// The shared contract on PostgreSQL, plus what only a shared database has to get right: writers on different nodes
/// (different stores and connection pools) racing on one row, and several nodes creating the schema at once.
/// </summary>
public sealed class PostgreSqlGrainStorageTests(LocalPostgres postgres) : GrainStorageContract, IClassFixture<LocalPostgres>
{
    protected override Task<StorageHarness> HarnessAsync() => Task.FromResult<StorageHarness>(new PostgreSqlStorageHarness(postgres));

    [SkippableFact]
    public async Task Two_nodes_writing_one_state_from_the_same_version_exactly_one_wins_every_time()
    {
        await using var h = new PostgreSqlStorageHarness(postgres);
        await using var node1 = h.Open(maxBatchSize: 256);
        await using var node2 = h.Open(maxBatchSize: 256);
        var grain = StorageHarness.Grain("unit-A19");
        for (var round = 0; round < 25; round++)
        {
            var seen1 = new GrainState<SampleState>();
            var seen2 = new GrainState<SampleState>();
            await node1.ReadStateAsync("sample", grain, seen1);
            await node2.ReadStateAsync("sample", grain, seen2);
            Assert.Equal(seen1.ETag, seen2.ETag);
            seen1.State = Sample($"INC-1 round {round}");
            seen2.State = Sample($"INC-2 round {round}");

            var writes = new[] { node1.WriteStateAsync("sample", grain, seen1), node2.WriteStateAsync("sample", grain, seen2) };
            await Task.WhenAll(writes).ContinueWith(_ => { }, TaskScheduler.Default);

            Assert.Equal(1, writes.Count(w => w.IsCompletedSuccessfully));
            Assert.IsType<InconsistentStateException>(writes.Single(w => w.IsFaulted).Exception!.InnerException);
            var winner = writes[0].IsCompletedSuccessfully ? seen1 : seen2;
            var stored = new GrainState<SampleState>();
            await node1.ReadStateAsync("sample", grain, stored);
            Assert.Equal((winner.State!.Name, winner.ETag), (stored.State!.Name, stored.ETag));
        }
    }

    [SkippableFact]
    public async Task Three_nodes_starting_at_once_on_an_empty_database_create_the_schema_once_and_share_their_rows()
    {
        await using var h = new PostgreSqlStorageHarness(postgres);
        var nodes = Enumerable.Range(0, 3).Select(_ => h.Open(maxBatchSize: 256)).ToArray();
        try
        {
            await Task.WhenAll(nodes.Select(n => n.StartAsync()));

            var written = new GrainState<SampleState>(Sample("from node 3"), null);
            await nodes[2].WriteStateAsync("sample", StorageHarness.Grain("g"), written);
            var read = new GrainState<SampleState>();
            await nodes[0].ReadStateAsync("sample", StorageHarness.Grain("g"), read);

            Assert.Equal(("from node 3", "1"), (read.State!.Name, read.ETag));
            Assert.Equal(PostgreSqlGrainStorage.Schema.Count,
                await h.ScalarAsync<int>($"SELECT version FROM schema_versions WHERE component = '{PostgreSqlGrainStorage.Component}'"));
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
    public async Task Migrating_again_applies_nothing_and_keeps_the_rows()
    {
        await using var h = new PostgreSqlStorageHarness(postgres);
        await h.Storage.WriteStateAsync("sample", StorageHarness.Grain("g"), new GrainState<SampleState>(Sample("kept"), null));
        await using var source = h.NewDataSource();

        var applied = await PostgreSqlSchema.MigrateAsync(source, PostgreSqlGrainStorage.Component, PostgreSqlGrainStorage.Schema);

        Assert.Equal(0, applied);
        Assert.Equal("kept", (await h.ReadAsync("g")).State!.Name);
    }

    [SkippableFact]
    public async Task A_database_migrated_by_a_newer_build_is_refused_rather_than_written_with_an_old_schema()
    {
        await using var h = new PostgreSqlStorageHarness(postgres);
        await h.Storage.StartAsync();
        await h.ScalarAsync<int>($"UPDATE schema_versions SET version = 99 WHERE component = '{PostgreSqlGrainStorage.Component}' RETURNING version");
        await using var source = h.NewDataSource();

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            PostgreSqlSchema.MigrateAsync(source, PostgreSqlGrainStorage.Component, PostgreSqlGrainStorage.Schema));

        Assert.Contains("newer than this build", refusal.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_write_after_the_database_restarted_its_connections_succeeds()
    {
        await using var h = new PostgreSqlStorageHarness(postgres);
        await h.Storage.WriteStateAsync("sample", StorageHarness.Grain("g"), new GrainState<SampleState>(Sample("before"), null));
        var database = new Npgsql.NpgsqlConnectionStringBuilder(h.ConnectionString).Database;

        // What a database failover or restart does to the writer's open connection.
        postgres.Psql($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid()");
        var state = await h.ReadAsync("g");
        state.State = Sample("after");
        await WriteEventuallyAsync(h, state);

        Assert.Equal("after", (await h.ReadAsync("g")).State!.Name);
    }

    /// <summary>The write that meets the broken connection fails to its caller (the grain retries); the next one gets a new connection.</summary>
    private static async Task WriteEventuallyAsync(StorageHarness h, GrainState<SampleState> state)
    {
        try
        {
            await h.Storage.WriteStateAsync("sample", StorageHarness.Grain("g"), state);
        }
        catch (Npgsql.NpgsqlException)
        {
            await h.Storage.WriteStateAsync("sample", StorageHarness.Grain("g"), state);
        }
    }
}
