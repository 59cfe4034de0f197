using EmergencyLink.Contracts;
using EmergencyLink.Server.Api;
using EmergencyLink.Server.Seeding;
using EmergencyLink.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Providers;
using Orleans.Storage;

namespace EmergencyLink.Server.Endpoints;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", CheckAsync).AllowAnonymous().WithTags("Health");
        return app;
    }

    /// <summary>
    /// Ready means the region is seeded and a grain answers from storage right now; a silo that is up but cannot
    /// read its storage is not ready.
    /// </summary>
    private static async Task<Results<Ok<HealthReport>, ProblemHttpResult>> CheckAsync(
        Readiness readiness, IGrainFactory grains, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!readiness.Seeded)
        {
            return Problems.Unavailable("The region is still being seeded.");
        }

        if (services.GetKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME) is SqliteGrainStorage storage
            && !await storage.IsReadyAsync(cancellationToken))
        {
            return Problems.Unavailable("The grain storage does not answer.");
        }

        try
        {
            var units = await grains.GetGrain<IDispatchGrain>(GrainKeys.Region).ListUnitsAsync()
                .WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return TypedResults.Ok(new HealthReport("ready", units.Count));
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException)
        {
            return Problems.Unavailable("The silo or its storage does not answer: " + ex.Message);
        }
    }
}
