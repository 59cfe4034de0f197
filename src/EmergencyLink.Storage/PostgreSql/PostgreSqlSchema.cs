using Npgsql;

namespace EmergencyLink.Storage.PostgreSql;

/// <summary>
/// Each component here owns some tables and brings them to its latest version itself at start-up: no scripts to run
/// by hand. Steps are numbered by their position; a component's version is kept in <c>schema_versions</c>.
/// Several nodes start at once: the whole check-and-apply runs under one transaction-scoped advisory lock, so they
/// take turns (concurrent <c>CREATE TABLE IF NOT EXISTS</c> can otherwise fail on the catalog's unique index), and a
/// step is applied once, in the transaction that records it.
/// </summary>
public static class PostgreSqlSchema
{
    /// <summary>The advisory lock every EmergencyLink migration takes ("ELINKSCH" in ASCII).</summary>
    public const long MigrationLock = 0x454C_494E_4B53_4348;

    /// <summary>Where a store lives, for its logs and health messages: host, port and database, never credentials.</summary>
    public static string Describe(NpgsqlDataSource dataSource)
    {
        var builder = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
    }

    /// <summary>Applies the component's steps it does not have yet; returns how many were applied.</summary>
    public static async Task<int> MigrateAsync(NpgsqlDataSource dataSource, string component, IReadOnlyList<string> steps,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLock});", cancellationToken);
        await ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_versions (
                component text PRIMARY KEY,
                version integer NOT NULL,
                migrated_utc timestamptz NOT NULL DEFAULT now());
            """, cancellationToken);

        int current;
        await using (var read = new NpgsqlCommand("SELECT version FROM schema_versions WHERE component = @c;", connection, transaction))
        {
            read.Parameters.AddWithValue("c", component);
            current = await read.ExecuteScalarAsync(cancellationToken) is int version ? version : 0;
        }

        if (current > steps.Count)
        {
            throw new InvalidOperationException(
                $"The database holds {component} schema version {current}, newer than this build knows ({steps.Count}); upgrade this node.");
        }

        for (var i = current; i < steps.Count; i++)
        {
            await ExecuteAsync(connection, transaction, steps[i], cancellationToken);
        }

        if (current < steps.Count)
        {
            await using var record = new NpgsqlCommand("""
                INSERT INTO schema_versions (component, version) VALUES (@c, @v)
                ON CONFLICT (component) DO UPDATE SET version = excluded.version, migrated_utc = now();
                """, connection, transaction);
            record.Parameters.AddWithValue("c", component);
            record.Parameters.AddWithValue("v", steps.Count);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return steps.Count - current;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
