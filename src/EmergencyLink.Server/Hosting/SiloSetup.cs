using System.Net;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Geo.Routing;
using EmergencyLink.Grains;
using EmergencyLink.Server.Live;
using EmergencyLink.Server.Seeding;
using Microsoft.Extensions.Options;
using EmergencyLink.Storage;
using EmergencyLink.Storage.PostgreSql;
using EmergencyLink.Storage.Reminders;
using EmergencyLink.Storage.Telemetry;
using Npgsql;
using Orleans.Configuration;

namespace EmergencyLink.Server.Hosting;

public static class SiloSetup
{
    /// <summary>
    /// Co-hosts the Orleans silo. By configuration only: localhost clustering or membership in Redis
    /// (<c>Orleans:ClusteringMode</c>), grain state and the telemetry archive in SQLite files or in PostgreSQL
    /// (<c>Storage:Provider</c>).
    /// </summary>
    public static WebApplicationBuilder AddEmergencyLinkSilo(this WebApplicationBuilder builder, string storagePath)
    {
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var silo = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        var handover = builder.Configuration.GetSection(HandoverOptions.Section).Get<HandoverOptions>() ?? new HandoverOptions();
        if (storage.Provider == StorageProvider.PostgreSql)
        {
            builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(StorageSetup.PostgreSqlConnectionString(storage)));
        }

        builder.UseOrleans(orleans =>
        {
            UseClustering(orleans, silo, builder.Configuration.GetSection(MembershipSection), DevelopmentClusterOptions.PrimaryOf(builder.Configuration));
            var batch = Math.Clamp(storage.MaxBatchSize, 1, 10_000);
            if (storage.Provider == StorageProvider.PostgreSql)
            {
                orleans.AddPostgreSqlGrainStorageAsDefault(options => options.MaxBatchSize = batch);
                orleans.UsePostgreSqlReminders();
            }
            else
            {
                orleans.AddSqliteGrainStorageAsDefault(options =>
                {
                    options.Path = storagePath;
                    options.MaxBatchSize = batch;
                });
                orleans.UseSqliteReminders(options => options.Path = Path.Combine(Path.GetDirectoryName(storagePath)!, "reminders.db"));
            }

            UseReminderPeriod(orleans, handover);
        });

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CaseWatchers>();
        builder.AddEmergencyLinkLiveFeed();
        builder.Services.Configure<ReconciliationOptions>(builder.Configuration.GetSection(ReconciliationOptions.Section));
        builder.Services.Configure<TelemetryOptions>(builder.Configuration.GetSection(TelemetryOptions.Section));
        builder.Services.Configure<HandoverOptions>(builder.Configuration.GetSection(HandoverOptions.Section));

        // The telemetry archive sits beside the grain state in its own file unless configured elsewhere.
        var archive = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryArchiveOptions>() ?? new TelemetryArchiveOptions();
        archive.Path = string.IsNullOrWhiteSpace(archive.Path)
            ? Path.Combine(Path.GetDirectoryName(storagePath)!, "telemetry.db")
            : Path.GetFullPath(archive.Path, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton<ITelemetryArchive>(sp => storage.Provider == StorageProvider.PostgreSql
            ? new PostgreSqlTelemetryArchive(sp.GetRequiredService<NpgsqlDataSource>(), archive, sp.GetRequiredService<ILogger<PostgreSqlTelemetryArchive>>())
            : new SqliteTelemetryArchive(archive, sp.GetRequiredService<ILogger<SqliteTelemetryArchive>>()));
        builder.Services.Configure<StraightLineOptions>(builder.Configuration.GetSection("Routing"));
        builder.Services.Configure<RoadSpeeds>(builder.Configuration.GetSection("Routing:Speeds"));
        builder.Services.AddSingleton(sp => RoadGraph.Build(
            sp.GetRequiredService<RegionCatalog>().Map.Roads, sp.GetRequiredService<IOptions<RoadSpeeds>>().Value));

        // By the road wherever the map has roads; as the crow flies (with a circuity factor) only for a map without.
        builder.Services.AddSingleton<ITravelTimeEstimator>(sp =>
        {
            var graph = sp.GetRequiredService<RoadGraph>();
            return graph.EdgeCount > 0
                ? new RoadTravelTimeEstimator(graph)
                : new StraightLineTravelTimeEstimator(sp.GetRequiredService<IOptions<StraightLineOptions>>().Value);
        });
        return builder;
    }

    /// <summary>
    /// Orleans refuses a reminder shorter than its minimum period (1 minute by default, to keep the reminder table's
    /// load down); a case's escalation reminder is the configured <see cref="HandoverOptions.EscalationReminderPeriod"/>,
    /// so a shorter one lowers the minimum to it.
    /// </summary>
    private static void UseReminderPeriod(ISiloBuilder orleans, HandoverOptions handover)
    {
        if (handover.EscalationReminderPeriod <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Handover:EscalationReminderPeriod must be positive.");
        }

        orleans.Configure<ReminderOptions>(o =>
        {
            if (handover.EscalationReminderPeriod < o.MinimumReminderPeriod)
            {
                o.MinimumReminderPeriod = handover.EscalationReminderPeriod;
            }
        });
    }

    /// <summary>Membership tuning (<see cref="ClusterMembershipOptions"/> by its property names) for Redis clustering.</summary>
    public const string MembershipSection = "Orleans:Membership";

    private static void UseClustering(ISiloBuilder orleans, SiloOptions silo, IConfigurationSection membership, IPEndPoint? developmentPrimary)
    {
        if (silo.ClusteringMode == ClusteringMode.Localhost)
        {
            orleans.UseLocalhostClustering(silo.SiloPort, silo.GatewayPort, developmentPrimary, serviceId: silo.ServiceId, clusterId: silo.ClusterId);
            return;
        }

        if (string.IsNullOrWhiteSpace(silo.Redis.ConnectionString))
        {
            throw new InvalidOperationException("Orleans:ClusteringMode is Redis but Orleans:Redis:ConnectionString is empty.");
        }

        orleans.UseRedisClustering(silo.Redis.ConnectionString);
        orleans.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = silo.ClusterId;
            o.ServiceId = silo.ServiceId;
        });
        if (string.IsNullOrWhiteSpace(silo.AdvertisedIP))
        {
            orleans.ConfigureEndpoints(silo.SiloPort, silo.GatewayPort, listenOnAnyHostAddress: silo.ListenOnAnyAddress);
        }
        else if (IPAddress.TryParse(silo.AdvertisedIP, out var address))
        {
            orleans.ConfigureEndpoints(address, silo.SiloPort, silo.GatewayPort, silo.ListenOnAnyAddress);
        }
        else
        {
            throw new InvalidOperationException($"Orleans:AdvertisedIP '{silo.AdvertisedIP}' is not an IP address.");
        }

        // A case's grains live on one node; while that node is dead and not yet declared so, calls to them wait. Orleans'
        // defaults (10 s probes, 3 missed) take half a minute to declare it; the issue asks for recovery under 10 s. A
        // probe every second, dead after 3 missed, declares a killed node dead in about 3-5 s; a busy node on 2 shared
        // cores still answers a probe within a second (it is a tiny message on its own connection). Configuration
        // (Orleans:Membership:ProbeTimeout etc.) overrides these.
        orleans.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 3;
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
            o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
        });
        orleans.Configure<ClusterMembershipOptions>(membership);
    }
}
