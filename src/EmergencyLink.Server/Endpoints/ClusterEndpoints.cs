using EmergencyLink.Contracts;
using EmergencyLink.Server.Api;
using EmergencyLink.Grains.Live;
using EmergencyLink.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Runtime;

namespace EmergencyLink.Server.Endpoints;

/// <summary>
/// Cluster diagnostics for admins: which node runs a case's grains, so an operator (or a failover test) knows which
/// machine a case depends on right now. Admin-only: silo addresses describe the internal network.
/// </summary>
public static class ClusterEndpoints
{
    public static IEndpointRouteBuilder MapClusterEndpoints(this IEndpointRouteBuilder app)
    {
        var cluster = app.MapGroup("/api/cluster").WithTags("Cluster").RequireAuthorization(Policies.Admin);
        cluster.MapGet("/cases/{id}/hosts", CaseHostsAsync);
        cluster.MapGet("/fanout", Fanout);
        return app;
    }

    /// <summary>
    /// The silos of the case's grain and of its unit's telemetry grain, as the grain directory last knew them (a
    /// snapshot: a grain may move or deactivate right after), and the silo that answered.
    /// </summary>
    private static async Task<Results<Ok<CaseHosts>, ProblemHttpResult>> CaseHostsAsync(
        string id, IGrainFactory grains, ILocalSiloDetails silo)
    {
        var incident = await grains.FindIncidentAsync(id);
        if (incident is null)
        {
            return Problems.NotFound($"Case {id} does not exist.");
        }

        var management = grains.GetGrain<IManagementGrain>(0);
        var caseSilo = await management.GetActivationAddress(grains.GetGrain<IIncidentGrain>(id));
        SiloAddress? telemetrySilo = null;
        if (incident.AmbulanceId is { } unit)
        {
            telemetrySilo = await management.GetActivationAddress(grains.GetGrain<ITelemetryGrain>(unit));
        }

        return TypedResults.Ok(new CaseHosts(id, caseSilo?.Endpoint.ToString(), incident.AmbulanceId, telemetrySilo?.Endpoint.ToString(),
            silo.SiloAddress.Endpoint.ToString()));
    }

    /// <summary>The answering node's fan-out counters (each node has its own; ask each node for the whole picture).</summary>
    private static Ok<FanoutReport> Fanout(LiveFanout fanout, ILocalSiloDetails silo) =>
        TypedResults.Ok(new FanoutReport(
            silo.SiloAddress.Endpoint.ToString(),
            fanout.Stats().Select(l => new FanoutLinkReport(l.Silo.Endpoint.ToString(), l.Forwarded, l.Dropped, l.Queued)).ToArray(),
            fanout.DroppedOnReceipt,
            fanout.ViewedCaseCount));
}
