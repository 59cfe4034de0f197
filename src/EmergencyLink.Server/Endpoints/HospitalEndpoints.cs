using System.Security.Claims;
using EmergencyLink.Contracts;
using EmergencyLink.Security;
using EmergencyLink.Server.Api;
using EmergencyLink.Server.Auth;
using EmergencyLink.Server.Seeding;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyLink.Server.Endpoints;

public static class HospitalEndpoints
{
    public static IEndpointRouteBuilder MapHospitalEndpoints(this IEndpointRouteBuilder app)
    {
        // Every role reads hospitals: dispatch and crews choose destinations from them.
        var hospitals = app.MapGroup("/api/hospitals").WithTags("Hospitals");
        hospitals.MapGet("/", ListAsync);
        hospitals.MapGet("/{id}", GetAsync);
        hospitals.MapPut("/{id}/status", UpdateStatusAsync);
        hospitals.MapGet("/{id}/inbound", InboundAsync);
        hospitals.MapGet("/{id}/offload", OffloadAsync);
        return app;
    }

    private static async Task<Ok<HospitalSnapshot[]>> ListAsync(RegionCatalog region, IGrainFactory grains)
    {
        var all = await Task.WhenAll(region.HospitalIds.Select(id => grains.GetGrain<IHospitalGrain>(id).GetAsync()));
        return TypedResults.Ok(all.OfType<HospitalSnapshot>().ToArray());
    }

    private static async Task<Results<Ok<HospitalSnapshot>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains)
    {
        var hospital = await grains.FindHospitalAsync(id);
        return hospital is null ? Problems.NotFound($"Hospital {id} does not exist.") : TypedResults.Ok(hospital);
    }

    private static async Task<Results<Ok<HospitalSnapshot>, ValidationProblem, ProblemHttpResult>> UpdateStatusAsync(
        string id, HospitalStatusBody? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!user.IsInRole(Roles.Admin) && !user.IsEdOf(id))
        {
            return Problems.Forbidden($"Only hospital {id}'s emergency department sets its status.");
        }

        if (body is null || (body.Diversion is null && body.EdBedsFree is null))
        {
            return Problems.BadRequest("A JSON body with diversion and/or edBedsFree is required.");
        }

        if (await grains.FindHospitalAsync(id) is null)
        {
            return Problems.NotFound($"Hospital {id} does not exist.");
        }

        var updated = await grains.GetGrain<IHospitalGrain>(id)
            .UpdateStatusAsync(new HospitalStatusUpdate(body.Diversion, body.EdBedsFree), user.Actor());
        return updated.Succeeded ? TypedResults.Ok(updated.Value!) : Problems.From(updated);
    }

    private static async Task<Results<Ok<IReadOnlyList<IncidentSnapshot>>, ProblemHttpResult>> InboundAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!user.MayWatchHospital(id))
        {
            return Problems.Forbidden($"Hospital {id}'s inbound cases are outside your scope.");
        }

        if (await grains.FindHospitalAsync(id) is null)
        {
            return Problems.NotFound($"Hospital {id} does not exist.");
        }

        return TypedResults.Ok(await grains.GetGrain<IHospitalGrain>(id).GetInboundAsync());
    }

    /// <summary>Ambulance offload intervals at the hospital: its own ED, dispatch and admins may read them.</summary>
    private static async Task<Results<Ok<OffloadReport>, ProblemHttpResult>> OffloadAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!user.MayWatchHospital(id))
        {
            return Problems.Forbidden($"Hospital {id}'s offload intervals are outside your scope.");
        }

        if (await grains.FindHospitalAsync(id) is null)
        {
            return Problems.NotFound($"Hospital {id} does not exist.");
        }

        var report = await grains.GetGrain<IHospitalGrain>(id).GetOffloadAsync();
        return report is null ? Problems.NotFound($"Hospital {id} does not exist.") : TypedResults.Ok(report);
    }
}
