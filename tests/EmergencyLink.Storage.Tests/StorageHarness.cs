using Orleans.Runtime;

namespace EmergencyLink.Storage.Tests;

/// <summary>A store over its own storage, reopened at will, removed at the end.</summary>
public abstract class StorageHarness : IAsyncDisposable
{
    private QueuedGrainStorage? storage;

    public QueuedGrainStorage Storage => storage ??= Open();

    public static GrainId Grain(string key) => GrainId.Create("sample", key);

    /// <summary>A new store instance over the same storage (what a restarted node, or a second node, opens).</summary>
    public abstract QueuedGrainStorage Open();

    public abstract Task<long> CountRowsAsync();

    public async Task ReopenAsync()
    {
        await Storage.DisposeAsync();
        storage = Open();
    }

    public async Task<GrainState<SampleState>> ReadAsync(string key)
    {
        var state = new GrainState<SampleState>();
        await Storage.ReadStateAsync("sample", Grain(key), state);
        return state;
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (storage is not null)
        {
            await storage.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
