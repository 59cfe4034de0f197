namespace EmergencyLink.Security;

/// <summary>
/// Where the database lives when <c>Storage:Path</c> is not set: the server's content root's <c>data/</c> folder.
/// The CLI resolves the same default so that its tokens are signed with the key the server trusts.
/// </summary>
public static class StoragePaths
{
    public const string ConfigurationKey = "Storage:Path";
    public const string EnvironmentVariable = "Storage__Path";
    public const string DatabaseFileName = "emergencylink.db";

    public static string DefaultFor(string contentRoot) => Path.Combine(contentRoot, "data", DatabaseFileName);
}
