using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace EmergencyLink.Storage;

/// <summary>
/// Grain state in one SQLite file, for a single node. Durability: WAL with synchronous=FULL on the writer, so a
/// write's task completes only after its commit reached the disk. SQLite has one writer and every commit costs an
/// fsync, which is what the shared writer loop's group commit (<see cref="QueuedGrainStorage"/>) is for. Reads run on
/// pooled connections beside the writer, which WAL allows.
/// </summary>
public sealed class SqliteGrainStorage : QueuedGrainStorage
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_type TEXT NOT NULL,
            grain_key TEXT NOT NULL,
            state_name TEXT NOT NULL,
            etag INTEGER NOT NULL,
            payload TEXT NOT NULL,
            modified_utc TEXT NOT NULL,
            PRIMARY KEY (grain_type, grain_key, state_name)
        ) WITHOUT ROWID;
        """;

    private readonly string connectionString;

    public SqliteGrainStorage(string name, SqliteGrainStorageOptions options, ILogger<SqliteGrainStorage> logger, TimeProvider time)
        : base(name, options.MaxBatchSize, options.JsonOptions, logger, time)
    {
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            throw new ArgumentException("SqliteGrainStorageOptions.Path is required.", nameof(options));
        }

        FilePath = Path.GetFullPath(options.Path);
        connectionString = SqliteFiles.ConnectionString(FilePath);
    }

    public string FilePath { get; }

    protected override string Location => FilePath;

    protected override bool ItemErrorLeavesTransactionUsable => true;

    protected override object Timestamp(DateTimeOffset now) => now.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A pooled connection. Waits on a locked database are retried by the driver up to DefaultTimeout.</summary>
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    protected override async Task<DbConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
        await ExecuteAsync(connection, "PRAGMA synchronous=FULL;", cancellationToken);
        await ExecuteAsync(connection, Schema, cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
