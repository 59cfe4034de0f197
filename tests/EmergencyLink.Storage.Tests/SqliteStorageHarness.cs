using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmergencyLink.Storage.Tests;

/// <summary>A file in its own temp folder, deleted at the end.</summary>
public sealed class SqliteStorageHarness : StorageHarness
{
    private readonly string folder = Directory.CreateTempSubdirectory("emergencylink-storage-").FullName;

    public string FilePath => Path.Combine(folder, "state.db");

    public override QueuedGrainStorage Open() =>
        new SqliteGrainStorage("test", new SqliteGrainStorageOptions { Path = FilePath }, NullLogger<SqliteGrainStorage>.Instance, TimeProvider.System);

    public override async Task<long> CountRowsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={FilePath}");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM grain_state";
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
