using System.Security.Claims;
using EmergencyLink.Ehr;
using EmergencyLink.Security;
using EmergencyLink.Server.Api;
using EmergencyLink.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyLink.Server.Endpoints;

public static class EhrEndpoints
{
    public static IEndpointRouteBuilder MapEhrEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/hospitals/{id}/ehr", GetStatusAsync).WithTags("Hospitals");
        return app;
    }

    /// <summary>
    /// Whether the hospital's EHR is receiving its handover documents: the people who must act when it is not are
    /// the hospital's own ED (their EHR team) and admins; dispatch has no use for it.
    /// </summary>
    private static async Task<Results<Ok<EhrStatus>, ProblemHttpResult>> GetStatusAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains, EhrPushService push, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Admin) && !user.IsEdOf(id))
        {
            return Problems.Forbidden($"Only hospital {id}'s emergency department or an admin sees its EHR push.");
        }

        if (await grains.FindHospitalAsync(id) is null)
        {
            return Problems.NotFound($"Hospital {id} does not exist.");
        }

        return TypedResults.Ok(await push.GetStatusAsync(id, cancellationToken));
    }
}
