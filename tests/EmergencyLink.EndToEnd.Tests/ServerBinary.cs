namespace EmergencyLink.EndToEnd.Tests;

internal static class ServerBinary
{
    /// <summary>The server as built beside these tests (same configuration), maps and all.</summary>
    public static string Path()
    {
        var configuration = new DirectoryInfo(System.IO.Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = System.IO.Path.Combine(RepositoryRoot.Find(), "src", "EmergencyLink.Server", "bin", configuration, "net10.0", "EmergencyLink.Server.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the server first.", path);
    }
}
