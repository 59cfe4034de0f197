using EmergencyLink.Security;

namespace EmergencyLink.Cli.Commands;

/// <summary>
/// Finds the database path the server uses, by the server's rules: <c>--storage-path</c>, else the
/// <c>Storage__Path</c> environment variable, else the server project's <c>data/</c> folder in this checkout.
/// </summary>
public static class KeyLocator
{
    public static string StoragePath(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return Path.GetFullPath(option);
        }

        if (Environment.GetEnvironmentVariable(StoragePaths.EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return Path.GetFullPath(fromEnvironment);
        }

        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EmergencyLink.sln")))
            {
                return StoragePaths.DefaultFor(Path.Combine(dir.FullName, "src", "EmergencyLink.Server"));
            }
        }

        return StoragePaths.DefaultFor(Environment.CurrentDirectory);
    }

    public static TokenIssuer Issuer(string storagePath) =>
        new(ClusterConnectionString() is { } cluster ? ClusterKey(cluster) : SigningKeyStore.GetOrCreate(SigningKeyStore.KeyPathFor(storagePath)),
            TimeProvider.System);

    /// <summary>Where the key comes from, for the user: the cluster's database or the file beside the database.</summary>
    public static string KeySource(string storagePath) =>
        ClusterConnectionString() is not null ? "the cluster database's key (Storage__PostgreSql__ConnectionString)" : SigningKeyStore.KeyPathFor(storagePath);

    /// <summary>
    /// A cluster on PostgreSQL (the server's <c>Storage__Provider=PostgreSql</c> and connection string in the
    /// environment) keeps its development key in the database, made by the first node that started.
    /// </summary>
    private static string? ClusterConnectionString() =>
        string.Equals(Environment.GetEnvironmentVariable("Storage__Provider"), "PostgreSql", StringComparison.OrdinalIgnoreCase)
        && Environment.GetEnvironmentVariable("Storage__PostgreSql__ConnectionString") is { Length: > 0 } connection
            ? connection
            : null;

    private static Microsoft.IdentityModel.Tokens.SymmetricSecurityKey ClusterKey(string connectionString)
    {
        using var connection = new Npgsql.NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand("SELECT value FROM cluster_secrets WHERE name = @n", connection);
        command.Parameters.AddWithValue("n", SigningKeyStore.ClusterSecretName);
        var stored = command.ExecuteScalar() as string
            ?? throw new InvalidOperationException("The cluster database holds no signing key yet: start a node first, it makes one.");
        return SigningKeyStore.FromBase64(stored);
    }
}
