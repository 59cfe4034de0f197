using System.Text.Json;

namespace EmergencyLink.Storage.PostgreSql;

public sealed class PostgreSqlGrainStorageOptions
{
    /// <summary>How many queued writes at most share one transaction (one WAL flush).</summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>Serializer settings for state; null means web defaults with enums as names (as the SQLite store).</summary>
    public JsonSerializerOptions? JsonOptions { get; set; }
}
