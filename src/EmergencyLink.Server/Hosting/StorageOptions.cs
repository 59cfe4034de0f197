namespace EmergencyLink.Server.Hosting;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>
    /// Where shared state lives: <see cref="StorageProvider.Sqlite"/> (files beside <see cref="Path"/>, one node) or
    /// <see cref="StorageProvider.PostgreSql"/> (grain state, telemetry archive and keys in one database every node shares).
    /// </summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// The SQLite file; empty means <c>data/emergencylink.db</c> under the content root. With PostgreSQL everything
    /// shared (the EHR outbox too) is in the database instead.
    /// </summary>
    public string Path { get; set; } = "";

    /// <summary>Writes that share one commit at most; 1 turns group commit off (for measuring what it buys).</summary>
    public int MaxBatchSize { get; set; } = 256;

    public PostgreSqlSettings PostgreSql { get; set; } = new();
}
