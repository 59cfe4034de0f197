using Microsoft.Data.Sqlite;

namespace EmergencyLink.VehicleLink.Tests;

/// <summary>A temporary folder for one test's outbox file, deleted afterwards.</summary>
public sealed class TempOutbox : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "vehiclelink-" + Guid.NewGuid().ToString("N"));

    public TempOutbox() => Directory.CreateDirectory(folder);

    public string FilePath => System.IO.Path.Combine(folder, "outbox.db");

    /// <summary>Rows still in the file, read behind the gateway's back (after it is disposed).</summary>
    public long RowsOnDisk() => (long)Query("SELECT count(*) FROM frames");

    public string JournalMode() => (string)Query("PRAGMA journal_mode");

    private object Query(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
