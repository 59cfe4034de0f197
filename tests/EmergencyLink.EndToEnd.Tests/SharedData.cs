namespace EmergencyLink.EndToEnd.Tests;

/// <summary>Real data beside the checkout (../shared/data); skipped without it, except under CI=true.</summary>
internal static class SharedData
{
    public static string File(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(RepositoryRoot.Find(), "..", "shared", "data", relative));
        if (System.IO.File.Exists(path))
        {
            return path;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new FileNotFoundException($"CI must provide ../shared/data/{relative}.", path);
        }

        Skip.If(true, $"../shared/data/{relative} is not beside this checkout.");
        return path;
    }
}
