using Microsoft.Data.Sqlite;

namespace EmergencyLink.Storage;

/// <summary>How every SQLite store of ours opens its file: created if missing, pooled, and waiting up to 30 s on a lock held by the store's own writer.</summary>
public static class SqliteFiles
{
    public static string ConnectionString(string fullPath) => new SqliteConnectionStringBuilder
    {
        DataSource = fullPath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();
}
