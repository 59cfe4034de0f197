using EmergencyLink.Storage.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmergencyLink.Storage.Tests;

public sealed class SqliteTelemetryArchiveTests : TelemetryArchiveContract<SqliteTelemetryArchive>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("emergencylink-archive-").FullName;

    protected override SqliteTelemetryArchive Open(bool video = false) => new(
        new TelemetryArchiveOptions { Path = Path.Combine(folder, "telemetry.db"), ArchiveVideo = video }, NullLogger<SqliteTelemetryArchive>.Instance);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
