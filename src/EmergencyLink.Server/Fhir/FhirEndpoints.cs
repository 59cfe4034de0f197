using System.Security.Claims;
using EmergencyLink.Contracts;
using EmergencyLink.Handover;
using EmergencyLink.Security;
using EmergencyLink.Server.Api;
using EmergencyLink.Server.Auth;
using EmergencyLink.Server.Handovers;
using Hl7.Fhir.Model;

namespace EmergencyLink.Server.Fhir;

/// <summary>
/// The FHIR interface for receiving hospitals' systems: the current handover document of a case, its patient, and its
/// observations. An ED's token reads only the cases sent to its hospital; an admin's reads all. Errors are
/// OperationOutcomes, in the format asked for.
/// </summary>
public static class FhirEndpoints
{
    public const string Path = "/fhir";

    public static IEndpointRouteBuilder MapFhirEndpoints(this IEndpointRouteBuilder app)
    {
        var fhir = app.MapGroup(Path).WithTags("FHIR").AddEndpointFilter(async (context, next) =>
            FhirFormats.Negotiate(context.HttpContext.Request) is null
                ? Outcomes.Error(StatusCodes.Status406NotAcceptable, OperationOutcome.IssueType.NotSupported,
                    "This server speaks FHIR JSON and XML: _format json, xml, application/fhir+json or application/fhir+xml.")
                : await next(context));
        fhir.MapGet("/metadata", Metadata);
        fhir.MapGet("/Bundle/{id}", BundleAsync);
        fhir.MapGet("/Bundle/{id}/$validate", ValidateAsync);
        fhir.MapGet("/Patient/{id}", PatientAsync);
        fhir.MapGet("/Observation", ObservationsAsync);
        fhir.Map("/{**rest}", (string? rest) => Outcomes.Error(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotSupported,
            $"'{rest}' is not served here: read Bundle/{{caseId}} or Patient/{{caseId}}, search Observation?encounter={{caseId}}, or see metadata."));
        return app;
    }

    private static FhirResult Metadata(HttpRequest request, TimeProvider time) =>
        new(FhirCapabilities.Statement(BaseUrl(request), time.GetUtcNow()));

    private static async Task<FhirResult> BundleAsync(string id, ClaimsPrincipal user, IGrainFactory grains, HandoverDocuments documents)
    {
        var (incident, refusal) = await CaseAsync(id, user, grains);
        if (refusal is not null)
        {
            return refusal;
        }

        var bundle = await documents.CurrentAsync(incident!);
        bundle.Id = incident!.Id;
        return new FhirResult(bundle);
    }

    /// <summary>
    /// FHIR's $validate on the current document, against the base R4 specification and the profiles it claims: the
    /// validator's OperationOutcome, for an integrator checking what this system sends. The first call in a process
    /// unpacks the specification (seconds); the validator is shared after that.
    /// </summary>
    private static async Task<FhirResult> ValidateAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains, HandoverDocuments documents, HandoverValidator validator)
    {
        var (incident, refusal) = await CaseAsync(id, user, grains);
        if (refusal is not null)
        {
            return refusal;
        }

        var outcome = validator.Validate(await documents.CurrentAsync(incident!)).Outcome;
        if (outcome.Issue.Count == 0)
        {
            outcome.Issue.Add(new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Information,
                Code = OperationOutcome.IssueType.Informational,
                Diagnostics = "The document is valid against the base R4 specification and the profiles it claims.",
            });
        }

        return new FhirResult(outcome);
    }

    private static async Task<FhirResult> PatientAsync(string id, ClaimsPrincipal user, IGrainFactory grains, HandoverDocuments documents)
    {
        var (incident, refusal) = await CaseAsync(id, user, grains);
        if (refusal is not null)
        {
            return refusal;
        }

        var bundle = await documents.CurrentAsync(incident!);
        var patient = bundle.Entry.Select(e => e.Resource).OfType<Patient>().Single();
        var references = new RestReferences(bundle, incident!.Id);
        references.Rewrite(patient);
        patient.Id = incident.Id;
        return new FhirResult(patient);
    }

    private static async Task<FhirResult> ObservationsAsync(
        HttpRequest request, ClaimsPrincipal user, IGrainFactory grains, HandoverDocuments documents)
    {
        // FHIR's search is lenient by default: parameters a server does not know are ignored, and the self link shows
        // what was applied. A client that asks for strict handling gets the refusal instead.
        var unsupported = request.Query.Keys.Where(k => k is not ("encounter" or "code" or "_format")).ToArray();
        var strict = request.Headers["Prefer"].Any(p => p?.Replace(" ", "", StringComparison.Ordinal).Contains("handling=strict", StringComparison.OrdinalIgnoreCase) == true);
        if (unsupported.Length > 0 && strict)
        {
            return Outcomes.Error(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.NotSupported,
                $"Search parameter(s) {string.Join(", ", unsupported)} not supported; use encounter and code.");
        }

        var encounter = request.Query["encounter"].ToString();
        if (string.IsNullOrWhiteSpace(encounter))
        {
            return Outcomes.Invalid("encounter is required: the case id (Encounter/{id} or {id}).");
        }

        var id = encounter.StartsWith("Encounter/", StringComparison.Ordinal) ? encounter["Encounter/".Length..] : encounter;
        if (!RestReferences.TryParseCodes(request.Query["code"].ToString(), out var codes, out var error))
        {
            return Outcomes.Invalid(error!);
        }

        var (incident, refusal) = await CaseAsync(id, user, grains);
        if (refusal is not null)
        {
            return refusal;
        }

        var document = await documents.CurrentAsync(incident!);
        var references = new RestReferences(document, incident!.Id);
        var baseUrl = BaseUrl(request);
        var matches = document.Entry
            .Where(e => e.Resource is Observation o && RestReferences.Matches(o, codes))
            .Select(e =>
            {
                var observation = (Observation)e.Resource!;
                observation.Id = RestReferences.IdOf(e.FullUrl ?? "");
                references.Rewrite(observation);
                return new Bundle.EntryComponent
                {
                    FullUrl = $"{baseUrl}/Observation/{observation.Id}",
                    Resource = observation,
                    Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
                };
            })
            .ToList();
        return new FhirResult(new Bundle
        {
            Type = Bundle.BundleType.Searchset,
            Total = matches.Count,
            Link = [new Bundle.LinkComponent { Relation = "self", Url = $"{baseUrl}/Observation?{Applied(request)}" }],
            Entry = matches,
        });
    }

    /// <summary>The case behind an id, if this user may read its handover: the receiving ED's clinicians, or an admin.</summary>
    private static async Task<(IncidentSnapshot? Incident, FhirResult? Refusal)> CaseAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var incident = await grains.FindIncidentAsync(id);
        if (incident is null)
        {
            return (null, Outcomes.NotFound($"There is no case {id}."));
        }

        if (!user.IsInRole(Roles.Admin) && !user.IsEdOf(incident.HospitalId))
        {
            return (null, Outcomes.Forbidden(incident.HospitalId is null
                ? $"Case {id} has no destination yet; its handover is read by the receiving ED."
                : $"Case {id} is not headed to your hospital."));
        }

        return (incident, null);
    }

    /// <summary>The search parameters that were applied, as the self link reports them.</summary>
    private static string Applied(HttpRequest request) => string.Join('&', request.Query
        .Where(q => q.Key is "encounter" or "code")
        .SelectMany(q => q.Value.Select(v => $"{q.Key}={Uri.EscapeDataString(v ?? "")}")));

    private static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{Path}";
}
