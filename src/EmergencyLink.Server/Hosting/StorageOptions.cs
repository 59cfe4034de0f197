namespace EmergencyLink.Server.Hosting;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The SQLite file; empty means <c>data/emergencylink.db</c> under the content root.</summary>
    public string Path { get; set; } = "";

    /// <summary>Writes that share one commit at most; 1 turns group commit off (for measuring what it buys).</summary>
    public int MaxBatchSize { get; set; } = 256;
}
