using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Geo.Routing;
using EmergencyLink.Grains;
using EmergencyLink.Server.Live;
using EmergencyLink.Server.Seeding;
using Microsoft.Extensions.Options;
using EmergencyLink.Storage;
using EmergencyLink.Storage.Telemetry;

namespace EmergencyLink.Server.Hosting;

public static class SiloSetup
{
    /// <summary>Co-hosts the Orleans silo: localhost clustering, grain state in the SQLite file.</summary>
    public static WebApplicationBuilder AddEmergencyLinkSilo(this WebApplicationBuilder builder, string storagePath)
    {
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var silo = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        builder.UseOrleans(orleans =>
        {
            orleans.UseLocalhostClustering(silo.SiloPort, silo.GatewayPort, DevelopmentClusterOptions.PrimaryOf(builder.Configuration), serviceId: silo.ServiceId,
                clusterId: silo.ClusterId);
            orleans.AddSqliteGrainStorageAsDefault(options =>
            {
                options.Path = storagePath;
                options.MaxBatchSize = Math.Clamp(storage.MaxBatchSize, 1, 10_000);
            });
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
        builder.Services.AddSingleton<ITelemetryArchive>(sp => new SqliteTelemetryArchive(archive, sp.GetRequiredService<ILogger<SqliteTelemetryArchive>>()));
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
}
