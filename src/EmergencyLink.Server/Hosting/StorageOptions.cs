namespace EmergencyLink.Server.Hosting;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The SQLite file; empty means <c>data/emergencylink.db</c> under the content root.</summary>
    public string Path { get; set; } = "";
}
