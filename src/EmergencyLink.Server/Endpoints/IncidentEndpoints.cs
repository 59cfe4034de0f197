using System.Security.Claims;
using EmergencyLink.Contracts;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Destinations;
using EmergencyLink.Domain.Dispatch;
using EmergencyLink.Geo.Routing;
using EmergencyLink.Server.Seeding;
using EmergencyLink.Server.Api;
using EmergencyLink.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyLink.Server.Endpoints;

public static class IncidentEndpoints
{
    public const int MaxComplaintLength = 500;
    public const int MaxTextLength = IncidentCase.MaxTextLength;

    public static IEndpointRouteBuilder MapIncidentEndpoints(this IEndpointRouteBuilder app)
    {
        var incidents = app.MapGroup("/api/incidents").WithTags("Incidents");
        incidents.MapPost("/", CreateAsync).RequireAuthorization(Policies.Dispatch);
        incidents.MapGet("/", ListAsync).RequireAuthorization(Policies.Dispatch);
        incidents.MapGet("/{id}", GetAsync);
        incidents.MapGet("/{id}/recommendations", RecommendAsync).RequireAuthorization(Policies.Dispatch);
        incidents.MapGet("/{id}/destinations", DestinationsAsync);
        incidents.MapPost("/{id}/assign", AssignAsync).RequireAuthorization(Policies.Dispatch);
        incidents.MapPost("/{id}/transitions", TransitionAsync);
        return app;
    }

    private static async Task<Results<Created<IncidentSnapshot>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateIncidentBody? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (body is null)
        {
            return Problems.BadRequest("A JSON body is required.");
        }

        var errors = new ValidationErrors();
        var location = body.Location is null
            ? null
            : errors.Location("location", body.Location.Lat, body.Location.Lon);
        if (body.Location is null)
        {
            errors.Add("location", "location is required.");
        }

        errors.Text("complaint", body.Complaint, required: true, MaxComplaintLength);
        if (body.Priority is null)
        {
            errors.Add("priority", "priority is required.");
        }
        else if (!CasePriority.IsValid(body.Priority.Value))
        {
            errors.Add("priority", "priority must be between 1 (life-threatening) and 4 (non-urgent).");
        }

        errors.Text("address", body.Address, required: false, MaxComplaintLength);
        errors.Text("callerPhone", body.CallerPhone, required: false, 40);
        errors.Text("notes", body.Notes, required: false, MaxTextLength);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var call = new NewIncident(location!.Value, body.Complaint!.Trim(), body.Priority!.Value, body.Address?.Trim(),
            body.CallerPhone?.Trim(), body.Notes);
        var opened = await grains.GetGrain<IIncidentRegistryGrain>(GrainKeys.Region).OpenAsync(call, user.Actor());
        return opened.Succeeded
            ? TypedResults.Created($"/api/incidents/{opened.Value!.Id}", opened.Value)
            : Problems.From(opened);
    }

    private static async Task<Ok<IReadOnlyList<IncidentSnapshot>>> ListAsync(bool? open, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IIncidentRegistryGrain>(GrainKeys.Region).ListAsync(open ?? false));

    private static async Task<Results<Ok<IncidentSnapshot>, ProblemHttpResult>> GetAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var incident = await grains.FindIncidentAsync(id);
        if (incident is null)
        {
            return Problems.NotFound($"Incident {id} does not exist.");
        }

        return user.MayRead(incident)
            ? TypedResults.Ok(incident)
            : Problems.Forbidden($"Incident {id} is outside your scope.");
    }

    /// <summary>Free units ranked by ETA; with <c>explain=true</c>, also every unit left out and why.</summary>
    private static async Task<Results<Ok<IReadOnlyList<UnitRecommendation>>, Ok<UnitRanking>, ProblemHttpResult>> RecommendAsync(
        string id, int? limit, bool? explain, IGrainFactory grains)
    {
        if (limit is < 1 or > 100)
        {
            return Problems.BadRequest("limit must be between 1 and 100.");
        }

        var incident = await grains.FindIncidentAsync(id);
        if (incident is null)
        {
            return Problems.NotFound($"Incident {id} does not exist.");
        }

        var ranking = await grains.GetGrain<IDispatchGrain>(GrainKeys.Region)
            .RecommendAsync(incident.Location, incident.Priority, limit ?? 5, explain == true);
        return explain == true ? TypedResults.Ok(ranking) : TypedResults.Ok(ranking.Ranked);
    }

    /// <summary>
    /// Hospitals for this patient by the working diagnosis (named, or else implied by the case's alerts), from the scene, or from the unit once it is carrying the
    /// patient (a diversion is chosen on the way). For dispatch and the case's own crew.
    /// </summary>
    private static async Task<Results<Ok<IReadOnlyList<DestinationRecommendation>>, ValidationProblem, ProblemHttpResult>> DestinationsAsync(
        string id, string? diagnosis, ClaimsPrincipal user, IGrainFactory grains, RegionCatalog region, ITravelTimeEstimator router)
    {
        var working = WorkingDiagnosis.General;
        if (diagnosis is not null && !Names.TryParse(diagnosis, out working))
        {
            var errors = new ValidationErrors();
            errors.Add("diagnosis", $"'{diagnosis}' is not a working diagnosis; they are {Names.List<WorkingDiagnosis>()}.");
            return Problems.Invalid(errors);
        }

        var incident = await grains.FindIncidentAsync(id);
        if (incident is null)
        {
            return Problems.NotFound($"Incident {id} does not exist.");
        }

        if (!user.IsDispatchStaff() && !user.IsCrewOf(incident.AmbulanceId))
        {
            return Problems.Forbidden($"Incident {id} is outside your scope.");
        }

        return TypedResults.Ok(await DestinationRanking.RankAsync(incident, diagnosis is null ? null : working, grains, region, router));
    }

    private static async Task<Results<Ok<IncidentSnapshot>, ValidationProblem, ProblemHttpResult>> AssignAsync(
        string id, AssignBody? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (body is null)
        {
            return Problems.BadRequest("A JSON body with ambulanceId is required.");
        }

        var errors = new ValidationErrors();
        errors.Text("ambulanceId", body.AmbulanceId, required: true, Ids.MaxLength);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        return await FireAsync(grains, id, new CaseCommand(CaseTrigger.Assign, AmbulanceId: body.AmbulanceId!.Trim()), user);
    }

    private static async Task<Results<Ok<IncidentSnapshot>, ValidationProblem, ProblemHttpResult>> TransitionAsync(
        string id, TransitionBody? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (body is null)
        {
            return Problems.BadRequest("A JSON body with a trigger is required.");
        }

        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(body.Trigger))
        {
            errors.Add("trigger", "trigger is required: " + Names.List<CaseTrigger>() + ".");
        }
        else if (!Names.TryParse<CaseTrigger>(body.Trigger, out _))
        {
            errors.Add("trigger", $"'{body.Trigger}' is not a trigger; triggers are {Names.List<CaseTrigger>()}.");
        }

        NoTransportDisposition? disposition = null;
        if (body.Disposition is not null)
        {
            if (Names.TryParse<NoTransportDisposition>(body.Disposition, out var parsed))
            {
                disposition = parsed;
            }
            else
            {
                errors.Add("disposition",
                    $"'{body.Disposition}' is not a disposition; dispositions are {Names.List<NoTransportDisposition>()}.");
            }
        }

        errors.Text("reason", body.Reason, required: false, MaxTextLength);
        errors.Text("hospitalId", body.HospitalId, required: false, Ids.MaxLength);
        errors.Text("ambulanceId", body.AmbulanceId, required: false, Ids.MaxLength);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        Names.TryParse<CaseTrigger>(body.Trigger, out var trigger);
        var command = new CaseCommand(trigger, body.AmbulanceId?.Trim(), body.HospitalId?.Trim(), disposition,
            body.Reason, body.Priority);
        return await FireAsync(grains, id, command, user);
    }

    /// <summary>
    /// Checks existence and scope against the committed case, and that a named destination exists, then fires.
    /// </summary>
    internal static async Task<Results<Ok<IncidentSnapshot>, ValidationProblem, ProblemHttpResult>> FireAsync(
        IGrainFactory grains, string id, CaseCommand command, ClaimsPrincipal user)
    {
        var incident = await grains.FindIncidentAsync(id);
        if (incident is null)
        {
            return Problems.NotFound($"Incident {id} does not exist.");
        }

        if (!user.MayFire(incident, command.Trigger))
        {
            return Problems.Forbidden($"You may not fire {command.Trigger} on incident {id}.");
        }

        if (command.HospitalId is { } hospitalId && command.Trigger is CaseTrigger.Transport or CaseTrigger.Divert
            && await grains.FindHospitalAsync(hospitalId) is null)
        {
            return Problems.NotFound($"Hospital {hospitalId} does not exist.");
        }

        if (command.AmbulanceId is { } ambulanceId && !Ids.IsWellFormed(ambulanceId))
        {
            return Problems.NotFound($"Ambulance {ambulanceId} does not exist.");
        }

        var result = await grains.GetGrain<IIncidentGrain>(id).FireAsync(command, user.Actor());
        return result.Succeeded ? TypedResults.Ok(result.Value!) : Problems.From(result);
    }
}
