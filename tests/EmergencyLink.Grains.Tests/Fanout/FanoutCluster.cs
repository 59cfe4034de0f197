using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Geo.Routing;
using EmergencyLink.Grains.Live;
using EmergencyLink.Storage;
using EmergencyLink.Storage.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace EmergencyLink.Grains.Tests.Fanout;

/// <summary>
/// A cluster whose silos each have their own origin and replica feed (recorded), as each server process would:
/// what a silo's grains change lands in its origin log, what other silos' grains change in its replica log.
/// </summary>
public sealed class FanoutCluster : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("emergencylink-fanout-").FullName;
    private SqliteTelemetryArchive archive = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public static async Task<FanoutCluster> StartAsync(int silos, int queueCapacity = 20_000)
    {
        var cluster = new FanoutCluster();
        await cluster.DeployAsync(silos, queueCapacity);
        return cluster;
    }

    private async Task DeployAsync(int silos, int queueCapacity)
    {
        archive = new SqliteTelemetryArchive(
            new TelemetryArchiveOptions { Path = Path.Combine(folder, "telemetry.db") }, NullLogger<SqliteTelemetryArchive>.Instance);
        var builder = new InProcessTestClusterBuilder(initialSilosCount: (short)silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddSqliteGrainStorageAsDefault(o => o.Path = Path.Combine(folder, "grains.db"));
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.AddSingleton<ITelemetryArchive>(archive);
            silo.Services.Configure<TelemetryOptions>(o => o.CaseRefresh = TimeSpan.Zero);
            silo.Services.AddSingleton<ITravelTimeEstimator>(new StraightLineTravelTimeEstimator(new StraightLineOptions()));
            silo.Services.AddKeyedSingleton<ILiveFeed, LiveLog>(LiveFeedKeys.Origin);
            silo.Services.AddKeyedSingleton<ILiveFeed, LiveLog>(LiveFeedKeys.Replica);
            silo.Services.Configure<LiveFanoutOptions>(o => o.QueueCapacity = queueCapacity);
            silo.Services.AddLiveFanout();
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public IReadOnlyList<InProcessSiloHandle> Silos => Cluster.Silos;

    public static LiveLog Origin(InProcessSiloHandle silo) =>
        (LiveLog)silo.ServiceProvider.GetRequiredKeyedService<ILiveFeed>(LiveFeedKeys.Origin);

    public static LiveLog Replica(InProcessSiloHandle silo) =>
        (LiveLog)silo.ServiceProvider.GetRequiredKeyedService<ILiveFeed>(LiveFeedKeys.Replica);

    public static LiveFanout Fanout(InProcessSiloHandle silo) => silo.ServiceProvider.GetRequiredService<LiveFanout>();

    /// <summary>Waits until every silo forwards to every other one.</summary>
    public async Task WaitLinkedAsync()
    {
        await Eventually.HoldsAsync(() => Silos.All(s => Fanout(s).Stats().Count == Silos.Count - 1), TimeSpan.FromSeconds(20),
            "every silo linked to every other");
        foreach (var silo in Silos)
        {
            Origin(silo).Clear();
            Replica(silo).Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await archive.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
