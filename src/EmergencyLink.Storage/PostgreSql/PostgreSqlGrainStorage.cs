using System.Data.Common;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EmergencyLink.Storage.PostgreSql;

/// <summary>
/// Grain state in PostgreSQL, shared by every node of a cluster. Same rows, ETags and group commit as the SQLite
/// store (<see cref="QueuedGrainStorage"/>); what PostgreSQL adds is that several nodes write at once: a stale write
/// still fails because <c>UPDATE … WHERE etag = @etag</c> re-checks the row after waiting for a concurrent writer's
/// lock (READ COMMITTED re-evaluation), and two first writes of one row meet on its primary key.
/// </summary>
public sealed class PostgreSqlGrainStorage : QueuedGrainStorage
{
    public const string Component = "grain_state";

    /// <summary>Migration steps, applied once each, in order; append, never edit.</summary>
    public static readonly IReadOnlyList<string> Schema =
    [
        """
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_type text NOT NULL,
            grain_key text NOT NULL,
            state_name text NOT NULL,
            etag bigint NOT NULL,
            payload text NOT NULL,
            modified_utc timestamptz NOT NULL,
            PRIMARY KEY (grain_type, grain_key, state_name));
        """,
    ];

    private readonly NpgsqlDataSource dataSource;

    public PostgreSqlGrainStorage(
        string name, NpgsqlDataSource dataSource, PostgreSqlGrainStorageOptions options, ILogger<PostgreSqlGrainStorage> logger, TimeProvider time)
        : base(name, options.MaxBatchSize, options.JsonOptions, logger, time)
    {
        this.dataSource = dataSource;
        Location = PostgreSqlSchema.Describe(dataSource);
    }

    protected override string Location { get; }

    protected override bool ItemErrorLeavesTransactionUsable => false;

    protected override object Timestamp(DateTimeOffset now) => now.ToUniversalTime();

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    protected override async Task<DbConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        await PostgreSqlSchema.MigrateAsync(dataSource, Component, Schema, cancellationToken);
        return await OpenAsync(cancellationToken);
    }
}
