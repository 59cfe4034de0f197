using EmergencyLink.Geo.Routing;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Storage;
using EmergencyLink.Storage.Reminders;
using EmergencyLink.Storage.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace EmergencyLink.Grains.Tests;

/// <summary>
/// One two-silo in-process cluster shared by the grain tests (it takes about two seconds to start), on the real
/// SQLite storage in a temp folder, so grain state goes through the same serializer as in production.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("emergencylink-grains-").FullName;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));

    public RecordingLiveFeed Live { get; } = new();

    public FaultInjection Faults { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>One archive for both silos, as one file would be on one machine.</summary>
    public SqliteTelemetryArchive Archive { get; private set; } = null!;

    /// <summary>What the silos see as the archive: <see cref="Archive"/>, with stores a test can hold back or fail.</summary>
    public HoldingArchive Holding { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The silos' reminder table file (both silos share it, as one machine's nodes would).</summary>
    public string RemindersPath => Path.Combine(folder, "reminders.db");

    /// <summary>The reminder table as the silos see it, for a test to look at directly.</summary>
    public SqliteReminderTable Reminders() => new(
        new SqliteReminderTableOptions { Path = RemindersPath }, Cluster.Options.ServiceId, NullLogger<SqliteReminderTable>.Instance);

    public async Task InitializeAsync()
    {
        Archive = new SqliteTelemetryArchive(
            new TelemetryArchiveOptions { Path = Path.Combine(folder, "telemetry.db") }, NullLogger<SqliteTelemetryArchive>.Instance);
        Holding = new HoldingArchive(Archive);
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddSqliteGrainStorageAsDefault(o => o.Path = Path.Combine(folder, "grains.db"));
            silo.UseSqliteReminders(o => o.Path = RemindersPath);

            // A case's escalation reminder ticks every second here (Orleans' minimum is a minute unless lowered).
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            silo.Services.AddSingleton<TimeProvider>(Time);
            silo.Services.AddMetrics();
            silo.Services.AddSingleton<EmergencyLinkMetrics>();
            silo.Services.Configure<ReconciliationOptions>(o =>
            {
                o.Interval = TimeSpan.FromMilliseconds(100);
                o.Grace = TimeSpan.FromMinutes(1);
            });
            silo.Services.AddSingleton<ILiveFeed>(Live);

            // Escalation is judged on the fake clock; the check itself runs often so a test need not wait for it.
            silo.Services.Configure<HandoverOptions>(o =>
            {
                o.EscalationCheckInterval = TimeSpan.FromMilliseconds(100);
                o.EscalationReminderPeriod = TimeSpan.FromSeconds(1);
            });
            silo.AddIncomingGrainCallFilter(async call =>
            {
                if (Faults.Take(call.InterfaceMethod.Name, call.TargetId.Key.ToString()!))
                {
                    throw new InvalidOperationException($"Injected failure of {call.InterfaceMethod.Name} on {call.TargetId}.");
                }

                await call.Invoke();
            });
            silo.Services.AddSingleton<ITelemetryArchive>(Holding);

            // The test clock stands still, so the grain must ask the case every time to see a new destination.
            silo.Services.Configure<TelemetryOptions>(o => o.CaseRefresh = TimeSpan.Zero);
            silo.Services.AddSingleton<ITravelTimeEstimator>(new StraightLineTravelTimeEstimator(new StraightLineOptions()));
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Archive.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
