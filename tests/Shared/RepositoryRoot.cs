namespace EmergencyLink.Testing;

/// <summary>The checkout the tests run from: the folder holding EmergencyLink.sln. Linked into every test project.</summary>
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
}
