namespace EmergencyLink.EndToEnd.Tests;

internal static class Binaries
{
    /// <summary>The server as built beside these tests (same configuration), maps and all.</summary>
    public static string Server() => Built("src", "EmergencyLink.Server");

    /// <summary>The CLI as built with the solution, for tests that need a separate gateway process.</summary>
    public static string Cli() => Built("tools", "EmergencyLink.Cli");

    private static string Built(string folder, string project)
    {
        var configuration = new DirectoryInfo(System.IO.Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = System.IO.Path.Combine(RepositoryRoot.Find(), folder, project, "bin", configuration, "net10.0", project + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} first.", path);
    }
}
