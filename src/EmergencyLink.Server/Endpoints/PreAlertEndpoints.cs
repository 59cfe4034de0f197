using System.Security.Claims;
using EmergencyLink.Contracts;
using EmergencyLink.Domain.Handover;
using EmergencyLink.Security;
using EmergencyLink.Server.Api;
using EmergencyLink.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyLink.Server.Endpoints;

/// <summary>
/// The closed loop between a case's crew and the EDs it pre-alerts. The crew (or dispatch, on the radio's word) sends the
/// pre-alert and confirms the transfer of care; only the ED concerned (or an admin) acknowledges a pre-alert, a redirect
/// or a cancellation. Arrival and transfer of care are the case's own triggers.
/// </summary>
public static class PreAlertEndpoints
{
    public static IEndpointRouteBuilder MapPreAlertEndpoints(this IEndpointRouteBuilder app)
    {
        var prealert = app.MapGroup("/api/incidents/{id}/prealert").WithTags("Handover loop");
        prealert.MapGet("/", ListAsync);
        prealert.MapPost("/", SendAsync);
        prealert.MapPost("/acknowledge", AcknowledgeAsync);
        prealert.MapPost("/transfer/acknowledge", AcknowledgeTransferAsync);
        return app;
    }

    /// <summary>The case's loops: all of them for dispatch and the crew; an ED sees its own, also after a diversion.</summary>
    private static async Task<Results<Ok<IReadOnlyList<HandoverLoop>>, ProblemHttpResult>> ListAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var incident = await grains.FindIncidentAsync(id);
        if (incident is null)
        {
            return Problems.NotFound($"Incident {id} does not exist.");
        }

        if (user.IsDispatchStaff() || user.IsCrewOf(incident.AmbulanceId))
        {
            return TypedResults.Ok(incident.HandoverLoops);
        }

        var own = incident.HandoverLoops.Where(l => user.IsEdOf(l.HospitalId)).ToArray();
        return own.Length > 0 || user.MayRead(incident)
            ? TypedResults.Ok<IReadOnlyList<HandoverLoop>>(own)
            : Problems.Forbidden($"Incident {id} is outside your scope.");
    }

    private static async Task<Results<Ok<HandoverLoop>, ValidationProblem, ProblemHttpResult>> SendAsync(
        string id, PreAlertBody? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var incident = await grains.FindIncidentAsync(id);
        if (incident is null)
        {
            return Problems.NotFound($"Incident {id} does not exist.");
        }

        if (!user.IsDispatchStaff() && !user.IsCrewOf(incident.AmbulanceId))
        {
            return Problems.Forbidden($"Only the crew of incident {id} or dispatch sends its pre-alert.");
        }

        var hospitalId = body?.HospitalId?.Trim() ?? incident.HospitalId;
        var errors = new ValidationErrors();
        if (hospitalId is null)
        {
            errors.Add("hospitalId", "hospitalId is required until the case has a destination.");
        }
        else if (!Ids.IsWellFormed(hospitalId))
        {
            errors.Add("hospitalId", $"'{hospitalId}' is not a hospital id.");
        }

        errors.Text("message", body?.Message, required: false, HandoverLoops.MaxMessageLength);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        if (await grains.FindHospitalAsync(hospitalId!) is null)
        {
            return Problems.NotFound($"Hospital {hospitalId} does not exist.");
        }

        var result = await grains.GetGrain<IIncidentGrain>(id).SendPreAlertAsync(hospitalId!, body?.Message, user.Actor());
        return result.Succeeded ? TypedResults.Ok(result.Value!) : Problems.From(result);
    }

    private static async Task<Results<Ok<HandoverLoop>, ValidationProblem, ProblemHttpResult>> AcknowledgeAsync(
        string id, PreAlertAcknowledgementBody? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        if (body?.HospitalId is { } named && !Ids.IsWellFormed(named))
        {
            errors.Add("hospitalId", $"'{named}' is not a hospital id.");
        }

        if (body?.LoopId is { } loopId && !Ids.IsWellFormed(loopId))
        {
            errors.Add("loopId", $"'{loopId}' is not a loop id.");
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var incident = await grains.FindIncidentAsync(id);
        if (incident is null)
        {
            return Problems.NotFound($"Incident {id} does not exist.");
        }

        string? hospitalId;
        if (user.IsInRole(Roles.Admin))
        {
            hospitalId = body?.HospitalId ?? incident.HospitalId;
            if (hospitalId is null)
            {
                return Problems.BadRequest($"Incident {id} has no destination; name the hospital whose acknowledgement this is.");
            }
        }
        else
        {
            // An ED acknowledges for itself only, and only on a case that pre-alerted it.
            hospitalId = user.IsInRole(Roles.Ed) ? user.HospitalClaim() : null;
            if (hospitalId is null || (body?.HospitalId is { } other && other != hospitalId)
                || !incident.HandoverLoops.Any(l => l.HospitalId == hospitalId))
            {
                return Problems.Forbidden($"Only an ED that incident {id} pre-alerted acknowledges its own handover loop.");
            }
        }

        var result = await grains.GetGrain<IIncidentGrain>(id).AcknowledgeHandoverLoopAsync(hospitalId, body?.LoopId, user.Actor());
        return result.Succeeded ? TypedResults.Ok(result.Value!) : Problems.From(result);
    }

    private static async Task<Results<Ok<HandoverLoop>, ProblemHttpResult>> AcknowledgeTransferAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var incident = await grains.FindIncidentAsync(id);
        if (incident is null)
        {
            return Problems.NotFound($"Incident {id} does not exist.");
        }

        if (!user.IsDispatchStaff() && !user.IsCrewOf(incident.AmbulanceId))
        {
            return Problems.Forbidden($"Only the crew of incident {id} (or dispatch) confirms its transfer of care.");
        }

        var result = await grains.GetGrain<IIncidentGrain>(id).AcknowledgeTransferAsync(user.Actor());
        return result.Succeeded ? TypedResults.Ok(result.Value!) : Problems.From(result);
    }
}
