using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Storage.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace EmergencyLink.Storage.Tests;

public sealed class PostgreSqlTelemetryArchiveTests(LocalPostgres postgres)
    : TelemetryArchiveContract<PostgreSqlTelemetryArchive>, IClassFixture<LocalPostgres>, IAsyncLifetime
{
    private readonly List<NpgsqlDataSource> sources = [];
    private string? connectionString;

    /// <summary>Each test's own database, made at its first open (inside the test, so a missing package skips it).</summary>
    protected override PostgreSqlTelemetryArchive Open(bool video = false)
    {
        connectionString ??= postgres.CreateDatabase("archive");
        var source = NpgsqlDataSource.Create(connectionString);
        sources.Add(source);
        return new PostgreSqlTelemetryArchive(source, new TelemetryArchiveOptions { ArchiveVideo = video }, NullLogger<PostgreSqlTelemetryArchive>.Instance);
    }

    [SkippableFact]
    public async Task Two_nodes_storing_the_same_resent_frames_at_once_keep_one_copy_and_a_third_rebuilds_the_continuity()
    {
        // A gateway that reconnected through another node resends what the first had not acknowledged yet, while the
        // first node's store of the same frames is still in flight.
        await using var node1 = Open();
        await using var node2 = Open();
        var frames = Enumerable.Range(1, 400).Select(s => Entry(Ecg(s))).ToArray();
        await Task.WhenAll(
            Task.WhenAll(frames.Chunk(25).Select(c => node1.StoreAsync(c, []))),
            Task.WhenAll(frames.Reverse().Chunk(40).Select(c => node2.StoreAsync(c, []))));

        await using var node3 = Open();
        var ecg = (await node3.LoadVehicleAsync("A19")).Single();
        var stored = await node3.ReadAsync("INC-000001", "ecg", 0, long.MaxValue, 1000);

        Assert.Equal([new SequenceRange(1, 400)], ecg.Held);
        Assert.Equal(Enumerable.Range(1, 400).Select(s => (long)s), stored.Select(f => f.Sequence));
    }

    [SkippableFact]
    public async Task Duplicates_counted_on_two_nodes_add_up()
    {
        await using var node1 = Open();
        await using var node2 = Open();
        await node1.StoreAsync([Entry(Ecg(1))], [new DuplicateCount("A19", "ecg", "INC-000001", 2), new DuplicateCount("A19", "ecg", "INC-000001", 1)]);
        await node2.StoreAsync([], [new DuplicateCount("A19", "ecg", "INC-000001", 4)]);

        Assert.Equal(7, (await node1.LoadVehicleAsync("A19")).Single().Duplicates);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var source in sources)
        {
            await source.DisposeAsync();
        }
    }
}
