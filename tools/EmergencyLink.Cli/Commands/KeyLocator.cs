using EmergencyLink.Security;

namespace EmergencyLink.Cli.Commands;

/// <summary>
/// Finds the database path the server uses, by the server's rules: <c>--storage-path</c>, else the
/// <c>Storage__Path</c> environment variable, else the server project's <c>data/</c> folder in this checkout.
/// </summary>
public static class KeyLocator
{
    public static string StoragePath(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return Path.GetFullPath(option);
        }

        if (Environment.GetEnvironmentVariable(StoragePaths.EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return Path.GetFullPath(fromEnvironment);
        }

        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EmergencyLink.sln")))
            {
                return StoragePaths.DefaultFor(Path.Combine(dir.FullName, "src", "EmergencyLink.Server"));
            }
        }

        return StoragePaths.DefaultFor(Environment.CurrentDirectory);
    }

    public static TokenIssuer Issuer(string storagePath) =>
        new(SigningKeyStore.GetOrCreate(SigningKeyStore.KeyPathFor(storagePath)), TimeProvider.System);
}
