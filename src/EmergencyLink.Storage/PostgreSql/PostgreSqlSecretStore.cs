using Npgsql;

namespace EmergencyLink.Storage.PostgreSql;

/// <summary>
/// Small values every node of a cluster must agree on (the development token signing key): the first node to ask
/// creates one, the others read it. Concurrent first asks race on the primary key; <c>ON CONFLICT DO NOTHING</c>
/// keeps one value and everyone reads that one.
/// </summary>
public sealed class PostgreSqlSecretStore(NpgsqlDataSource dataSource)
{
    public const string Component = "cluster_secrets";

    /// <summary>Migration steps, applied once each, in order; append, never edit.</summary>
    public static readonly IReadOnlyList<string> Schema =
    [
        """
        CREATE TABLE IF NOT EXISTS cluster_secrets (
            name text PRIMARY KEY,
            value text NOT NULL,
            created_utc timestamptz NOT NULL DEFAULT now());
        """,
        """
        CREATE TABLE IF NOT EXISTS data_protection_keys (
            friendly_name text PRIMARY KEY,
            xml text NOT NULL,
            created_utc timestamptz NOT NULL DEFAULT now());
        """,
    ];

    public NpgsqlDataSource DataSource => dataSource;

    public Task MigrateAsync(CancellationToken cancellationToken = default) =>
        PostgreSqlSchema.MigrateAsync(dataSource, Component, Schema, cancellationToken);

    /// <summary>The stored value of <paramref name="name"/>, storing <paramref name="create"/>'s first if there is none.</summary>
    public async Task<string> GetOrCreateAsync(string name, Func<string> create, CancellationToken cancellationToken = default)
    {
        await MigrateAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO cluster_secrets (name, value) VALUES (@n, @v) ON CONFLICT (name) DO NOTHING", connection))
        {
            insert.Parameters.AddWithValue("n", name);
            insert.Parameters.AddWithValue("v", create());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var select = new NpgsqlCommand("SELECT value FROM cluster_secrets WHERE name = @n", connection);
        select.Parameters.AddWithValue("n", name);
        return (string)(await select.ExecuteScalarAsync(cancellationToken))!;
    }
}
