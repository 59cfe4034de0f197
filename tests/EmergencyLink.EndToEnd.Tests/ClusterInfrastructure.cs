namespace EmergencyLink.EndToEnd.Tests;

/// <summary>
/// One private Redis and one PostgreSQL for every cluster test: each test takes its own database and cluster id, so
/// tests never see each other's members or rows, and the suite starts the two servers once.
/// </summary>
public sealed class ClusterInfrastructure : IDisposable
{
    public LocalPostgres Postgres { get; } = new();

    public LocalRedis Redis { get; } = new();

    public void Dispose()
    {
        Redis.Dispose();
        Postgres.Dispose();
    }
}
