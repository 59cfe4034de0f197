using EmergencyLink.Contracts;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Server.Seeding;
using EmergencyLink.Storage;
using EmergencyLink.Storage.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;

namespace EmergencyLink.Server.Endpoints;

public static class HealthEndpoints
{
    public const string LivePath = "/healthz";
    public const string ReadyPath = "/readyz";

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(LivePath, () => TypedResults.Ok(new LivenessReport("alive"))).AllowAnonymous().WithTags("Health");
        app.MapGet(ReadyPath, CheckAsync).AllowAnonymous().WithTags("Health");
        return app;
    }

    /// <summary>
    /// Ready means: this silo is an active member of its cluster, the region is seeded, the grain storage and the
    /// telemetry archive answer, and a grain answers from storage right now. A load balancer sends traffic only to a
    /// ready node; liveness (<see cref="LivePath"/>) only says the process serves HTTP, so an orchestrator does not
    /// restart a node that is merely waiting for its database. The 503 names everything missing, not just the first.
    /// </summary>
    private static async Task<Results<Ok<HealthReport>, ProblemHttpResult>> CheckAsync(
        Readiness readiness, IGrainFactory grains, IServiceProvider services, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        var silo = services.GetRequiredService<ILocalSiloDetails>();
        var membership = services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot;
        var status = membership.GetSiloStatus(silo.SiloAddress);
        if (status != SiloStatus.Active)
        {
            missing.Add($"The silo {silo.SiloAddress} is {status}, not an active member of cluster {silo.ClusterId}.");
        }

        if (!readiness.Seeded)
        {
            missing.Add("The region is still being seeded.");
        }

        if (services.GetKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME) is QueuedGrainStorage storage
            && !await storage.IsReadyAsync(cancellationToken))
        {
            missing.Add("The grain storage does not answer.");
        }

        if (services.GetRequiredService<ITelemetryArchive>() is PostgreSqlTelemetryArchive archive && !await archive.IsReadyAsync(cancellationToken))
        {
            missing.Add("The telemetry archive does not answer.");
        }

        var units = 0;
        if (missing.Count == 0)
        {
            try
            {
                units = (await grains.GetGrain<IDispatchGrain>(GrainKeys.Region).ListUnitsAsync()
                    .WaitAsync(TimeSpan.FromSeconds(5), cancellationToken)).Count;
            }
            catch (Exception ex) when (ex is TimeoutException or OrleansException)
            {
                missing.Add("The silo or its storage does not answer: " + ex.Message);
            }
        }

        return missing.Count == 0
            ? TypedResults.Ok(new HealthReport("ready", units, silo.SiloAddress.ToString(),
                membership.Members.Count(m => m.Value.Status == SiloStatus.Active)))
            : TypedResults.Problem(string.Join(" ", missing), statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready",
                extensions: new Dictionary<string, object?> { ["missing"] = missing, ["silo"] = silo.SiloAddress.ToString(), ["siloStatus"] = status.ToString() });
    }
}
