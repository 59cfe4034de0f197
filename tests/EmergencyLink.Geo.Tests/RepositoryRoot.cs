namespace EmergencyLink.Geo.Tests;

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

    public static string DemoMap => Path.Combine(Find(), "maps", "demo");
}
