using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;

namespace EmergencyLink.Storage.Tests;

/// <summary>A provider over a file in its own temp folder, reopened at will, deleted at the end.</summary>
public sealed class StorageHarness : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("emergencylink-storage-").FullName;

    public StorageHarness() => Storage = Open();

    public string FilePath => Path.Combine(folder, "state.db");

    public SqliteGrainStorage Storage { get; private set; }

    public SqliteGrainStorage Open() =>
        new("test", new SqliteGrainStorageOptions { Path = FilePath }, NullLogger<SqliteGrainStorage>.Instance, TimeProvider.System);

    public async Task ReopenAsync()
    {
        await Storage.DisposeAsync();
        Storage = Open();
    }

    public static GrainId Grain(string key) => GrainId.Create("sample", key);

    public async Task<GrainState<SampleState>> ReadAsync(string key)
    {
        var state = new GrainState<SampleState>();
        await Storage.ReadStateAsync("sample", Grain(key), state);
        return state;
    }

    public async ValueTask DisposeAsync()
    {
        await Storage.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
