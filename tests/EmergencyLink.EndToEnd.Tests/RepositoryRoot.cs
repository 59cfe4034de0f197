namespace EmergencyLink.EndToEnd.Tests;

internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EmergencyLink.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EmergencyLink.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The server as built beside these tests (same configuration), maps and all.</summary>
    public static string ServerAssembly()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = Path.Combine(Find(), "src", "EmergencyLink.Server", "bin", configuration, "net10.0", "EmergencyLink.Server.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the server first.", path);
    }
}
