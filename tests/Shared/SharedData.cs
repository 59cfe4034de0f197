namespace EmergencyLink.Testing;

/// <summary>
/// Real data lives beside the checkout in ../shared/data and is never copied into the repository. A clone without it
/// skips these tests; CI (CI=true) must have it, so there its absence fails them.
/// </summary>
internal static class SharedData
{
    public static string File(string relative)
    {
        var path = Path.Combine(RepositoryRoot.Find(), "..", "shared", "data", relative);
        if (System.IO.File.Exists(path))
        {
            return Path.GetFullPath(path);
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new FileNotFoundException($"CI must provide ../shared/data/{relative}.", path);
        }

        Skip.If(true, $"../shared/data/{relative} is not beside this checkout.");
        return path;
    }
}
