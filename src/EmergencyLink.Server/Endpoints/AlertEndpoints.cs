using System.Security.Claims;
using EmergencyLink.Contracts;
using EmergencyLink.Domain.Alerts;
using EmergencyLink.Security;
using EmergencyLink.Server.Api;
using EmergencyLink.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyLink.Server.Endpoints;

/// <summary>
/// A case's clinical alerts. Anyone who may read the case sees them; a clinician of the receiving ED (or an admin)
/// acknowledges them, because the alert asks that team to act.
/// </summary>
public static class AlertEndpoints
{
    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/incidents/{id}/alerts").WithTags("Alerts");
        alerts.MapGet("/", ListAsync);
        alerts.MapPost("/{alertId}/acknowledge", AcknowledgeAsync);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<CaseAlert>>, ProblemHttpResult>> ListAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var incident = await grains.FindIncidentAsync(id);
        if (incident is null)
        {
            return Problems.NotFound($"Incident {id} does not exist.");
        }

        return user.MayRead(incident)
            ? TypedResults.Ok(incident.Alerts)
            : Problems.Forbidden($"Incident {id} is outside your scope.");
    }

    private static async Task<Results<Ok<CaseAlert>, ProblemHttpResult>> AcknowledgeAsync(
        string id, string alertId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var incident = await grains.FindIncidentAsync(id);
        if (incident is null)
        {
            return Problems.NotFound($"Incident {id} does not exist.");
        }

        if (!user.IsInRole(Roles.Admin) && !user.IsEdOf(incident.HospitalId))
        {
            return Problems.Forbidden(incident.HospitalId is null
                ? $"Incident {id} has no destination yet; its alerts are acknowledged by the receiving ED."
                : $"Only the receiving ED ({incident.HospitalId}) acknowledges the alerts of incident {id}.");
        }

        var result = await grains.GetGrain<IIncidentGrain>(id).AcknowledgeAlertAsync(alertId, user.Actor());
        return result.Succeeded ? TypedResults.Ok(result.Value!) : Problems.From(result);
    }
}
