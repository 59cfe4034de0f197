using System.Security.Claims;
using EmergencyLink.Clinical.Live;
using EmergencyLink.Clinical.Scores;
using EmergencyLink.Contracts;
using EmergencyLink.Domain.Alerts;
using EmergencyLink.Security;
using EmergencyLink.Server.Api;
using EmergencyLink.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyLink.Server.Endpoints;

/// <summary>
/// Scales the crew enters at the patient's side. Each is stamped on the timeline with its findings and raises the
/// alerts it implies; only the case's own crew (or an admin) enters them.
/// </summary>
public static class AssessmentEndpoints
{
    public static IEndpointRouteBuilder MapAssessmentEndpoints(this IEndpointRouteBuilder app)
    {
        var assessments = app.MapGroup("/api/incidents/{id}/assessments").WithTags("Assessments");
        assessments.MapPost("/stroke", StrokeAsync);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<CaseAlert>>, ValidationProblem, ProblemHttpResult>> StrokeAsync(
        string id, StrokeAssessmentBody? body, ClaimsPrincipal user, IGrainFactory grains, TimeProvider time)
    {
        if (body?.BeFast is null)
        {
            return Problems.BadRequest("A JSON body with beFast (and optionally race and/or lams) is required.");
        }

        var errors = new ValidationErrors();
        RaceScore? race = null;
        LamsScore? lams = null;
        if (body.Race is { } r)
        {
            if (!Names.TryParse<HemiparesisSide>(r.Hemiparesis ?? nameof(HemiparesisSide.None), out var side))
            {
                errors.Add("race.hemiparesis", $"'{r.Hemiparesis}' is not a side; sides are {Names.List<HemiparesisSide>()}.");
            }
            else
            {
                race = Scale(errors, "race", () => new RaceScore(r.FacialPalsy, r.ArmMotor, r.LegMotor, r.HeadAndGazeDeviation, side, r.AphasiaOrAgnosia));
            }
        }

        if (body.Lams is { } l)
        {
            lams = Scale(errors, "lams", () => new LamsScore(l.FacialDroop, l.ArmDrift, l.GripStrength));
        }

        var now = time.GetUtcNow();
        if (body.BeFast.LastKnownWell is { } known && known > now)
        {
            errors.Add("beFast.lastKnownWell", "lastKnownWell is in the future.");
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var incident = Ids.IsWellFormed(id) ? await grains.GetGrain<IIncidentGrain>(id).GetAsync() : null;
        if (incident is null)
        {
            return Problems.NotFound($"Incident {id} does not exist.");
        }

        if (!user.IsInRole(Roles.Admin) && !user.IsCrewOf(incident.AmbulanceId))
        {
            return Problems.Forbidden($"Only the crew of incident {id} enters its assessments.");
        }

        var b = body.BeFast;
        var (summary, alerts) = StrokeAlerts.Evaluate(
            new StrokeAssessment(new BeFastFindings(b.Balance, b.Eyes, b.Face, b.Arm, b.Speech, b.LastKnownWell), race, lams), now);
        var result = await grains.GetGrain<IIncidentGrain>(id).RecordAssessmentAsync(summary, alerts, user.Actor());
        return result.Succeeded ? TypedResults.Ok(result.Value!) : Problems.From(result);
    }

    /// <summary>The scales check their own item ranges; their refusal becomes the client's validation error.</summary>
    private static T? Scale<T>(ValidationErrors errors, string field, Func<T> create)
        where T : class
    {
        try
        {
            return create();
        }
        catch (ArgumentOutOfRangeException ex)
        {
            errors.Add(field + "." + ex.ParamName, ex.Message.Split(" (Parameter")[0]);
            return null;
        }
    }
}
