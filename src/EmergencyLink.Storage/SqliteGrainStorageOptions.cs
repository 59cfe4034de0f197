using System.Text.Json;

namespace EmergencyLink.Storage;

public sealed class SqliteGrainStorageOptions
{
    /// <summary>The database file; its folder is created if missing.</summary>
    public string Path { get; set; } = "";

    /// <summary>How many queued writes at most share one transaction (one fsync).</summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>Serializer settings for state; null means web defaults with enums as names.</summary>
    public JsonSerializerOptions? JsonOptions { get; set; }
}
