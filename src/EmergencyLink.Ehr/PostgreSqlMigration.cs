using Npgsql;

namespace EmergencyLink.Ehr;

/// <summary>
/// Brings a component's tables to their latest version (the host passes <c>PostgreSqlSchema.MigrateAsync</c> from
/// EmergencyLink.Storage, which every PostgreSQL component shares: one advisory lock, one <c>schema_versions</c>
/// table). Handed in because this library stays free of Orleans, which that project brings.
/// </summary>
/// <returns>How many steps were applied.</returns>
public delegate Task<int> PostgreSqlMigration(NpgsqlDataSource dataSource, string component, IReadOnlyList<string> steps, CancellationToken cancellationToken);
