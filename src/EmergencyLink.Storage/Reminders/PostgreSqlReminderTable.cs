using System.Data.Common;
using EmergencyLink.Storage.PostgreSql;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EmergencyLink.Storage.Reminders;

/// <summary>
/// Reminders in PostgreSQL, shared by every node of a cluster: when a node dies, the survivors' reminder services take
/// over its slice of the hash ring and read its reminders from here. Two nodes upserting one reminder meet on its
/// primary key (<c>ON CONFLICT DO UPDATE</c>, the last one wins, as Orleans expects); a removal deletes only the row
/// version it names.
/// </summary>
public sealed class PostgreSqlReminderTable : SqlReminderTable
{
    public const string Component = "reminders";

    /// <summary>Migration steps, applied once each, in order; append, never edit.</summary>
    public static readonly IReadOnlyList<string> Schema =
    [
        """
        CREATE TABLE IF NOT EXISTS reminders (
            service_id text NOT NULL,
            grain_id text NOT NULL,
            reminder_name text NOT NULL,
            grain_hash bigint NOT NULL,
            start_utc timestamptz NOT NULL,
            period_ticks bigint NOT NULL,
            etag text NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name));
        CREATE INDEX IF NOT EXISTS reminders_by_hash ON reminders (service_id, grain_hash);
        """,
    ];

    private readonly NpgsqlDataSource dataSource;

    public PostgreSqlReminderTable(NpgsqlDataSource dataSource, string serviceId, ILogger<PostgreSqlReminderTable> logger)
        : base(serviceId, logger)
    {
        this.dataSource = dataSource;
        Location = PostgreSqlSchema.Describe(dataSource);
    }

    protected override string Location { get; }

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    protected override Task CreateSchemaAsync(CancellationToken cancellationToken) =>
        PostgreSqlSchema.MigrateAsync(dataSource, Component, Schema, cancellationToken);

    protected override object Timestamp(DateTime utc) => utc;

    protected override DateTime ReadTimestamp(DbDataReader reader, int ordinal) =>
        DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);
}
