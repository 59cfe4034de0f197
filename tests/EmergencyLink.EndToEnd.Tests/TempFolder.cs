namespace EmergencyLink.EndToEnd.Tests;

/// <summary>A folder in temp, deleted with everything in it at the end.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("emergencylink-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
