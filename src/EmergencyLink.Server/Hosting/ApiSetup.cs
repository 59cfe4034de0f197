using System.Text.Json.Serialization;
using EmergencyLink.Geo.Coverage;
using EmergencyLink.Server.Api;
using EmergencyLink.Server.Coverage;
using EmergencyLink.Server.Seeding;
using Microsoft.AspNetCore.Http.Json;

namespace EmergencyLink.Server.Hosting;

public static class ApiSetup
{
    /// <summary>
    /// One upload on the vehicle link: a few video key frames or seconds of backlog. Larger messages close the
    /// connection (SignalR's own limit), so the gateway keeps its batches below it.
    /// </summary>
    public const int MaxUploadBytes = 16 << 20;

    /// <summary>JSON (camelCase, enums by their API names), ProblemDetails for every error, OpenAPI, SignalR.</summary>
    public static WebApplicationBuilder AddEmergencyLinkApi(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<ConcurrencyConflictExceptionHandler>();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityTransformer>());
        builder.Services
            .AddSignalR()
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .AddMessagePackProtocol()
            .AddHubOptions<Hubs.VehicleHub>(o =>
            {
                o.MaximumReceiveMessageSize = MaxUploadBytes;
                o.MaximumParallelInvocationsPerClient = Hubs.VehicleHub.MaxUploadsInFlight;
            });

        builder.Services.Configure<RegionOptions>(builder.Configuration.GetSection(RegionOptions.Section));
        builder.Services.AddSingleton<RegionCatalog>();
        builder.Services.AddSingleton<Readiness>();
        builder.Services.AddHostedService<RegionSeeder>();

        builder.Services.Configure<CoverageOptions>(builder.Configuration.GetSection(CoverageOptions.Section));
        builder.Services.AddSingleton<CoverageService>();
        builder.Services.AddSingleton<CoverageMonitor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CoverageMonitor>());
        return builder;
    }
}
