namespace EmergencyLink.EndToEnd.Tests;

internal static class CliBinary
{
    /// <summary>The CLI as built with the solution (same configuration), for tests that need a separate gateway process.</summary>
    public static string Path()
    {
        var configuration = new DirectoryInfo(System.IO.Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = System.IO.Path.Combine(RepositoryRoot.Find(), "tools", "EmergencyLink.Cli", "bin", configuration, "net10.0", "EmergencyLink.Cli.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the CLI first.", path);
    }
}
