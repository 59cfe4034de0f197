using System.Net;
using EmergencyLink.Security;
using Npgsql;

namespace EmergencyLink.EndToEnd.Tests;

/// <summary>
/// N real server processes in cluster mode (Redis membership, PostgreSQL state) on loopback, each with its own home
/// and data folder as on its own machine, in their own database and cluster id on the shared infrastructure. Tokens
/// are signed with the key the cluster stored, so every node accepts them.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private readonly List<TempFolder> homes = [];

    private LocalCluster(IReadOnlyDictionary<string, string> environment, int count)
    {
        Environment = environment;
        for (var i = 0; i < count; i++)
        {
            var home = new TempFolder();
            homes.Add(home);
            Nodes.Add(new ServerProcess(environment: new Dictionary<string, string>(environment) { ["HOME"] = home.Path }));
        }
    }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public List<ServerProcess> Nodes { get; } = [];

    public ServerProcess this[int index] => Nodes[index];

    /// <param name="settings">More environment for every node (e.g. <c>Ehr__...</c>).</param>
    public static async Task<LocalCluster> StartAsync(
        ClusterInfrastructure infrastructure, int count, string name, IReadOnlyDictionary<string, string>? settings = null)
    {
        var database = infrastructure.Postgres.CreateDatabase(name);
        var environment = ClusterTests.ClusterEnvironment(infrastructure.Redis.ConnectionString, database, $"{name}-{Guid.NewGuid():N}"[..24]);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var cluster = new LocalCluster(environment, count);
        try
        {
            await Task.WhenAll(cluster.Nodes.Select(n => n.StartAsync()));
            await cluster.WaitForMembersAsync(count);
            var issuer = new TokenIssuer(SigningKeyStore.FromBase64(await SigningKeyAsync(database)), TimeProvider.System);
            foreach (var node in cluster.Nodes)
            {
                node.Tokens = issuer;
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until every running node's /readyz counts <paramref name="count"/> active silos.</summary>
    public async Task WaitForMembersAsync(int count, TimeSpan? timeout = null, params ServerProcess[] except)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var seen = new List<int>();
            foreach (var node in Nodes.Except(except))
            {
                try
                {
                    var (status, body) = await node.Client(null).GetJsonAsync("/readyz");
                    seen.Add(status == HttpStatusCode.OK ? body.GetProperty("activeSilos").GetInt32() : 0);
                }
                catch (HttpRequestException)
                {
                    seen.Add(-1);
                }
            }

            if (seen.All(s => s == count))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The nodes see {string.Join(", ", seen)} active silos, not {count} each.\n"
                + string.Join("\n", Nodes.Except(except).Select((n, i) => $"--- node {i + 1}:\n{n.Output}")));
            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes)
        {
            await node.DisposeAsync();
        }

        foreach (var home in homes)
        {
            home.Dispose();
        }
    }

    private static async Task<string> SigningKeyAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT value FROM cluster_secrets WHERE name = @n", connection);
        command.Parameters.AddWithValue("n", EmergencyLink.Server.Hosting.AuthSetup.ClusterSigningKeyName);
        return await command.ExecuteScalarAsync() as string ?? throw new InvalidOperationException("The nodes stored no signing key.");
    }
}
