using System.Globalization;
using System.Security.Claims;
using EmergencyLink.Contracts;
using EmergencyLink.Domain.Guidance;
using EmergencyLink.Security;
using EmergencyLink.Server.Api;
using EmergencyLink.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyLink.Server.Endpoints;

/// <summary>
/// Tele-guidance: a clinician of the destination ED marks a point or draws on a frame of the crew's live video or
/// ultrasound, and the crew's screen draws it on the same frame. Only the destination ED (or an admin) draws: it is the
/// team taking clinical responsibility for the guidance. Whoever may read the case lists the marks.
/// </summary>
public static class GuidanceEndpoints
{
    public static IEndpointRouteBuilder MapGuidanceEndpoints(this IEndpointRouteBuilder app)
    {
        var guidance = app.MapGroup("/api/incidents/{id}/guidance").WithTags("Tele-guidance");
        guidance.MapGet("/", ListAsync);
        guidance.MapPost("/", MarkAsync);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<GuidanceMark>>, ProblemHttpResult>> ListAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var incident = await grains.FindIncidentAsync(id);
        if (incident is null)
        {
            return Problems.NotFound($"Incident {id} does not exist.");
        }

        if (!user.MayRead(incident))
        {
            return Problems.Forbidden($"Incident {id} is outside your scope.");
        }

        // The snapshot carries only the latest few marks; the case keeps more.
        return TypedResults.Ok(await grains.GetGrain<IIncidentGrain>(id).GetGuidanceAsync() ?? []);
    }

    private static async Task<Results<Created<GuidanceMark>, ValidationProblem, ProblemHttpResult>> MarkAsync(
        string id, GuidanceBody? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var incident = await grains.FindIncidentAsync(id);
        if (incident is null)
        {
            return Problems.NotFound($"Incident {id} does not exist.");
        }

        var admin = user.IsInRole(Roles.Admin);
        if (!admin && !user.IsEdOf(incident.HospitalId))
        {
            return Problems.Forbidden($"Only the destination ED of incident {id} (or an admin) gives tele-guidance.");
        }

        if (body is null)
        {
            return Problems.BadRequest("A JSON body with channel, sequence, shape and points is required.");
        }

        var errors = new ValidationErrors();
        var shape = GuidanceShape.Point;
        if (!Names.TryParse(body.Shape, out shape))
        {
            errors.Add("shape", $"'{body.Shape}' is not a shape; shapes are {Names.List<GuidanceShape>()}.");
        }

        if (body.Sequence is null)
        {
            errors.Add("sequence", "sequence is required: the sequence number of the frame the mark was drawn on.");
        }

        var points = new List<GuidancePoint>();
        for (var i = 0; i < (body.Points?.Count ?? 0); i++)
        {
            if (body.Points![i] is { X: { } x, Y: { } y })
            {
                points.Add(new GuidancePoint(x, y));
            }
            else
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"points[{i}]"), "Each point needs x and y.");
            }
        }

        var mark = new NewGuidanceMark(body.Channel, body.Sequence ?? 1, shape, body.Points is null ? null : points, body.Text, body.Colour);
        foreach (var (field, problem) in TeleGuidance.Validate(mark))
        {
            // A field the body already got wrong is reported once, by the body's own indexes.
            if (field == "shape" || (field.StartsWith("points", StringComparison.Ordinal) && points.Count != (body.Points?.Count ?? 0)))
            {
                continue;
            }

            errors.Add(field, problem);
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var hospitalId = user.IsEdOf(incident.HospitalId) ? incident.HospitalId : null;
        var result = await grains.GetGrain<IIncidentGrain>(id).MarkGuidanceAsync(mark, hospitalId, user.Actor());
        return result.Succeeded
            ? TypedResults.Created($"/api/incidents/{id}/guidance", result.Value!)
            : Problems.From(result);
    }
}
