using EmergencyLink.Storage.PostgreSql;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace EmergencyLink.Storage.Tests;

/// <summary>A fresh database on the test run's private PostgreSQL; every store opened shares it, as a cluster's nodes do.</summary>
public sealed class PostgreSqlStorageHarness(LocalPostgres postgres) : StorageHarness
{
    private readonly List<NpgsqlDataSource> sources = [];

    public string ConnectionString { get; } = postgres.CreateDatabase("grains");

    public NpgsqlDataSource NewDataSource()
    {
        var source = NpgsqlDataSource.Create(ConnectionString);
        lock (sources)
        {
            sources.Add(source);
        }

        return source;
    }

    public override QueuedGrainStorage Open() => Open(maxBatchSize: 256);

    public PostgreSqlGrainStorage Open(int maxBatchSize) => new(
        "test", NewDataSource(), new PostgreSqlGrainStorageOptions { MaxBatchSize = maxBatchSize }, NullLogger<PostgreSqlGrainStorage>.Instance,
        TimeProvider.System);

    public override async Task<long> CountRowsAsync() => await ScalarAsync<long>("SELECT count(*) FROM grain_state");

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var source in sources)
        {
            await source.DisposeAsync();
        }
    }
}
