using System.Security.Claims;
using EmergencyLink.Clinical.Scores;
using EmergencyLink.Contracts;
using EmergencyLink.Domain.Documentation;
using EmergencyLink.Security;
using EmergencyLink.Server.Api;
using EmergencyLink.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyLink.Server.Endpoints;

/// <summary>
/// The crew's record of the patient: who they are, what happened, what was found and done. The case's own crew (or an
/// admin) writes it; whoever may read the case reads it. Entries are never changed: a correction is appended and points
/// at the entry it replaces.
/// </summary>
public static class DocumentationEndpoints
{
    public static IEndpointRouteBuilder MapDocumentationEndpoints(this IEndpointRouteBuilder app)
    {
        var documentation = app.MapGroup("/api/incidents/{id}/documentation").WithTags("Documentation");
        documentation.MapGet("/", GetAsync);
        documentation.MapPost("/", RecordAsync);
        documentation.MapPost("/gcs", GcsAsync);
        documentation.MapPost("/pain", PainAsync);
        documentation.MapPost("/{entryId}/amendments", AmendAsync);
        return app;
    }

    private static async Task<Results<Ok<DocumentationAnswer>, ProblemHttpResult>> GetAsync(
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

        return TypedResults.Ok(new DocumentationAnswer(
            CaseDocumentation.CurrentPatient(incident.Documentation), CaseDocumentation.Current(incident.Documentation), incident.Documentation));
    }

    private static async Task<Results<Created<CareEntry>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        string id, DocumentationEntryBody? body, ClaimsPrincipal user, IGrainFactory grains, TimeProvider time)
    {
        if (body is null)
        {
            return Problems.BadRequest("A JSON body with the entry's kind and text is required.");
        }

        var errors = new ValidationErrors();
        var entry = ToEntry(body, "", errors);
        return await SubmitAsync(id, entry, errors, user, grains, time);
    }

    private static async Task<Results<Created<CareEntry>, ValidationProblem, ProblemHttpResult>> GcsAsync(
        string id, GcsEntryBody? body, ClaimsPrincipal user, IGrainFactory grains, TimeProvider time)
    {
        if (body is null)
        {
            return Problems.BadRequest("A JSON body with eye, verbal and motor (null when not testable) is required.");
        }

        var errors = new ValidationErrors();
        NewCareEntry? entry = null;
        try
        {
            entry = AssessmentEntries.Gcs(new GlasgowComaScale(body.Eye, body.Verbal, body.Motor), body.At);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            errors.Add(ex.ParamName ?? "gcs", ex.Message.Split(" (Parameter")[0]);
        }

        if (body.Eye is null && body.Verbal is null && body.Motor is null)
        {
            errors.Add("gcs", "At least one component must have been testable.");
        }

        return await SubmitAsync(id, entry, errors, user, grains, time);
    }

    private static async Task<Results<Created<CareEntry>, ValidationProblem, ProblemHttpResult>> PainAsync(
        string id, PainBody? body, ClaimsPrincipal user, IGrainFactory grains, TimeProvider time)
    {
        if (body?.Score is not { } score)
        {
            return Problems.BadRequest("A JSON body with score (0 to 10) is required.");
        }

        var errors = new ValidationErrors();
        errors.Text("site", body.Site, required: false, maxLength: 100);
        if (score is < 0 or > 10)
        {
            errors.Add("score", "score is between 0 and 10.");
        }

        var entry = errors.Any ? null : AssessmentEntries.Pain(score, body.Site, body.At);
        return await SubmitAsync(id, entry, errors, user, grains, time);
    }

    private static async Task<Results<Created<CareEntry>, ValidationProblem, ProblemHttpResult>> AmendAsync(
        string id, string entryId, AmendmentBody? body, ClaimsPrincipal user, IGrainFactory grains, TimeProvider time)
    {
        if (body is null)
        {
            return Problems.BadRequest("A JSON body with reason and either entry (the correction) or retract: true is required.");
        }

        var errors = new ValidationErrors();
        errors.Text("reason", body.Reason, required: true, maxLength: CaseDocumentation.MaxTextLength);
        var retract = body.Retract ?? false;
        NewCareEntry? replacement = null;
        if (retract && body.Entry is not null)
        {
            errors.Add("entry", "Give either the corrected entry or retract: true, not both.");
        }
        else if (!retract && body.Entry is null)
        {
            errors.Add("entry", "The corrected entry is required (or retract: true to withdraw it).");
        }
        else if (body.Entry is { } corrected)
        {
            replacement = ToEntry(corrected, "entry.", errors);
        }

        var incident = await grains.FindIncidentAsync(id);
        if (replacement is not null && incident is not null)
        {
            Check(replacement, incident, "entry.", errors, time);
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        if (Refusal(id, incident, user) is { } refusal)
        {
            return refusal;
        }

        var result = await grains.GetGrain<IIncidentGrain>(id)
            .AmendDocumentationAsync(entryId, replacement, retract, body.Reason!, user.Actor());
        return result.Succeeded
            ? TypedResults.Created($"/api/incidents/{id}/documentation", result.Value!)
            : Problems.From(result);
    }

    private static async Task<Results<Created<CareEntry>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        string id, NewCareEntry? entry, ValidationErrors errors, ClaimsPrincipal user, IGrainFactory grains, TimeProvider time)
    {
        var incident = await grains.FindIncidentAsync(id);
        if (entry is not null && incident is not null)
        {
            Check(entry, incident, "", errors, time);
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        if (Refusal(id, incident, user) is { } refusal)
        {
            return refusal;
        }

        var result = await grains.GetGrain<IIncidentGrain>(id).DocumentAsync(entry!, user.Actor());
        return result.Succeeded
            ? TypedResults.Created($"/api/incidents/{id}/documentation", result.Value!)
            : Problems.From(result);
    }

    /// <summary>The record is written at the patient's side: only the case's own crew (or an admin) writes it.</summary>
    private static ProblemHttpResult? Refusal(string id, IncidentSnapshot? incident, ClaimsPrincipal user)
    {
        if (incident is null)
        {
            return Problems.NotFound($"Incident {id} does not exist.");
        }

        return !user.IsInRole(Roles.Admin) && !user.IsCrewOf(incident.AmbulanceId)
            ? Problems.Forbidden($"Only the crew of incident {id} writes its record.")
            : null;
    }

    private static void Check(NewCareEntry entry, IncidentSnapshot incident, string prefix, ValidationErrors errors, TimeProvider time)
    {
        foreach (var (field, message) in CaseDocumentation.Validate(entry, incident.CreatedAt, time.GetUtcNow()))
        {
            errors.Add(prefix + field, message);
        }
    }

    private static NewCareEntry? ToEntry(DocumentationEntryBody body, string prefix, ValidationErrors errors)
    {
        if (!Names.TryParse<CareEntryKind>(body.Kind, out var kind))
        {
            errors.Add(prefix + "kind", $"'{body.Kind}' is not a documentation kind; kinds are {Names.List<CareEntryKind>()}.");
        }

        PatientDetails? patient = null;
        if (body.Patient is { } p)
        {
            if (!Names.TryParse<AdministrativeSex>(p.Sex ?? nameof(AdministrativeSex.Unknown), out var sex))
            {
                errors.Add(prefix + "patient.sex", $"'{p.Sex}' is not a sex; use {Names.List<AdministrativeSex>()}.");
            }

            patient = new PatientDetails(p.Name, sex, p.BirthDate, p.AgeYears, p.AgeEstimated ?? false, p.Identifier);
        }

        var code = body.Code is { } c ? new ClinicalCode(c.System ?? "", c.Code ?? "", c.Display ?? "") : null;
        var components = body.Components?.Select((item, i) =>
        {
            if (item?.Value is null)
            {
                errors.Add($"{prefix}components[{i}].value", "Each component needs its value.");
            }

            return new ScoreComponent(item?.Name ?? "", item?.Value ?? 0,
                item?.Code is { } ic ? new ClinicalCode(ic.System ?? "", ic.Code ?? "", ic.Display ?? "") : null);
        }).ToArray();

        return errors.Any
            ? null
            : new NewCareEntry(kind, body.Text ?? "", body.At, code, body.Value, body.Unit, body.Route, patient, components);
    }
}
