namespace EmergencyLink.Geo.Tests;

internal static class DemoMapFolder
{
    public static string Path => System.IO.Path.Combine(RepositoryRoot.Find(), "maps", "demo");
}
