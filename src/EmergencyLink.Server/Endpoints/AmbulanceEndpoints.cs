using System.Security.Claims;
using EmergencyLink.Contracts;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Units;
using EmergencyLink.Security;
using EmergencyLink.Server.Api;
using EmergencyLink.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyLink.Server.Endpoints;

public static class AmbulanceEndpoints
{
    public static IEndpointRouteBuilder MapAmbulanceEndpoints(this IEndpointRouteBuilder app)
    {
        var ambulances = app.MapGroup("/api/ambulances").WithTags("Ambulances");
        ambulances.MapGet("/", ListAsync).RequireAuthorization(Policies.Dispatch);
        ambulances.MapGet("/{id}", GetAsync);
        ambulances.MapPut("/{id}/position", ReportPositionAsync);
        ambulances.MapPut("/{id}/status", SetStatusAsync);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<AmbulanceSnapshot>>> ListAsync(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IDispatchGrain>(GrainKeys.Region).ListUnitsAsync());

    private static async Task<Results<Ok<AmbulanceSnapshot>, ProblemHttpResult>> GetAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!user.IsDispatchStaff() && !user.IsCrewOf(id))
        {
            return Problems.Forbidden($"Ambulance {id} is outside your scope.");
        }

        var unit = await grains.FindAmbulanceAsync(id);
        return unit is null ? Problems.NotFound($"Ambulance {id} does not exist.") : TypedResults.Ok(unit);
    }

    private static async Task<Results<Ok<AmbulanceSnapshot>, ValidationProblem, ProblemHttpResult>> ReportPositionAsync(
        string id, PositionBody? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!user.IsInRole(Roles.Admin) && !user.IsCrewOf(id))
        {
            return Problems.Forbidden($"Only the crew of {id} reports its position.");
        }

        if (body is null)
        {
            return Problems.BadRequest("A JSON body with lat and lon is required.");
        }

        var errors = new ValidationErrors();
        var location = errors.Location("position", body.Lat, body.Lon);
        if (body.Heading is { } heading && (!double.IsFinite(heading) || heading is < 0 or >= 360))
        {
            errors.Add("heading", "heading must be in degrees from 0 (north) up to 360.");
        }

        // 300 km/h is beyond any road ambulance; a larger value is a unit mix-up (m/s vs km/h) or a broken GPS.
        if (body.SpeedKmh is { } speed && (!double.IsFinite(speed) || speed is < 0 or > 300))
        {
            errors.Add("speedKmh", "speedKmh must be between 0 and 300.");
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        if (await grains.FindAmbulanceAsync(id) is null)
        {
            return Problems.NotFound($"Ambulance {id} does not exist.");
        }

        var moved = await grains.GetGrain<IAmbulanceGrain>(id)
            .ReportPositionAsync(new PositionReport(location!.Value, body.Heading, body.SpeedKmh));
        return moved.Succeeded ? TypedResults.Ok(moved.Value!) : Problems.From(moved);
    }

    /// <summary>
    /// The crew's one-tap status. For a unit on a case, En route / On scene / At hospital are steps of the case and
    /// go through it, so case and unit move together and the timeline stamps them.
    /// </summary>
    private static async Task<Results<Ok<AmbulanceSnapshot>, ValidationProblem, ProblemHttpResult>> SetStatusAsync(
        string id, StatusBody? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!user.IsDispatchStaff() && !user.IsCrewOf(id))
        {
            return Problems.Forbidden($"Only the crew of {id} or dispatch sets its status.");
        }

        if (body is null)
        {
            return Problems.BadRequest("A JSON body with status is required.");
        }

        if (!Names.TryParse<UnitStatus>(body.Status, out var status))
        {
            var errors = new ValidationErrors();
            errors.Add("status", $"'{body.Status}' is not a unit status; statuses are {Names.List<UnitStatus>()}.");
            return Problems.Invalid(errors);
        }

        var unit = await grains.FindAmbulanceAsync(id);
        if (unit is null)
        {
            return Problems.NotFound($"Ambulance {id} does not exist.");
        }

        if (unit.IncidentId is { } incidentId && unit.Status != status
            && CaseUnitLink.CaseTriggerForCrewStatus(status) is { } trigger)
        {
            var fired = await IncidentEndpoints.FireAsync(grains, incidentId, new CaseCommand(trigger), user);
            if (fired.Result is not Ok<IncidentSnapshot>)
            {
                return fired.Result switch
                {
                    ProblemHttpResult problem => problem,
                    ValidationProblem invalid => invalid,
                    _ => throw new InvalidOperationException("Unexpected result."),
                };
            }

            return TypedResults.Ok((await grains.FindAmbulanceAsync(id))!);
        }

        var changed = await grains.GetGrain<IAmbulanceGrain>(id).SetCrewStatusAsync(status, user.Actor());
        return changed.Succeeded ? TypedResults.Ok(changed.Value!) : Problems.From(changed);
    }
}
