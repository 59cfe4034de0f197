using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace EmergencyLink.Storage.Reminders;

/// <summary>
/// Reminders in a SQLite file of their own beside the grain state, for a single node: a reminder is written when a
/// case starts or stops waiting on a pre-alert, rarely enough that each write may take its own fsync (WAL,
/// synchronous=FULL) and need not queue behind the grain store's writer.
/// </summary>
public sealed class SqliteReminderTable : SqlReminderTable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS reminders (
            service_id TEXT NOT NULL,
            grain_id TEXT NOT NULL,
            reminder_name TEXT NOT NULL,
            grain_hash INTEGER NOT NULL,
            start_utc TEXT NOT NULL,
            period_ticks INTEGER NOT NULL,
            etag TEXT NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS reminders_by_hash ON reminders (service_id, grain_hash);
        """;

    private readonly string connectionString;

    public SqliteReminderTable(SqliteReminderTableOptions options, string serviceId, ILogger<SqliteReminderTable> logger)
        : base(serviceId, logger)
    {
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            throw new ArgumentException("SqliteReminderTableOptions.Path is required.", nameof(options));
        }

        FilePath = Path.GetFullPath(options.Path);
        connectionString = SqliteFiles.ConnectionString(FilePath);
    }

    public string FilePath { get; }

    protected override string Location => FilePath;

    /// <summary>A pooled connection; synchronous is a per-connection setting, so every connection sets it.</summary>
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA synchronous=FULL;", cancellationToken);
        return connection;
    }

    protected override async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
        await ExecuteAsync(connection, Schema, cancellationToken);
    }

    protected override object Timestamp(DateTime utc) => utc.ToString("O", CultureInfo.InvariantCulture);

    protected override DateTime ReadTimestamp(DbDataReader reader, int ordinal) =>
        DateTime.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
