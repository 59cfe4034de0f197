using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace EmergencyLink.Handover;

/// <summary>
/// Validates handover documents offline against the base FHIR R4 specification (Hl7.Fhir.Specification.Data.R4's
/// specification.zip: the resources, data types and the vital-signs profiles). Building it unpacks the archive and
/// compiles schemas, which takes seconds, so it is built once, lazily, and shared: register it as a singleton (or use
/// <see cref="Shared"/>). Safe to call from several threads: Firely's validator is not thread-safe (its schema
/// resolvers mutate shared caches, FirelyTeam/firely-validator-api#381), so validations take turns on one instance;
/// at tens of milliseconds each, once per handover, that is cheaper than holding several copies of the compiled spec.
/// </summary>
/// <remarks>
/// Terminology: a local terminology service over the value sets and code systems in the specification itself, with no
/// terminology server. Bindings to FHIR's own value sets (statuses, categories, UCUM subsets such as body temperature
/// units) are checked; value sets that need an external code system (LOINC, SNOMED CT, full UCUM) cannot be expanded
/// locally, and should a required or extensible binding need one, the failed terminology call is reported as a
/// warning, not an error (the validator's default). The documents built here validate with no errors and no warnings.
/// For DI: <c>services.AddSingleton&lt;HandoverValidator&gt;()</c>.
/// </remarks>
public sealed class HandoverValidator
{
    private static readonly Lazy<HandoverValidator> SharedInstance = new(() => new HandoverValidator(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lazy<Validator> validator;
    private readonly Lock gate = new();

    /// <param name="specificationDirectory">The directory holding specification.zip; the application's own by default,
    /// where the Hl7.Fhir.Specification.Data.R4 package copies it.</param>
    public HandoverValidator(string? specificationDirectory = null)
    {
        var directory = specificationDirectory ?? AppContext.BaseDirectory;
        validator = new Lazy<Validator>(() => Create(directory), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>One validator per process for callers without a DI container (tools, tests).</summary>
    public static HandoverValidator Shared => SharedInstance.Value;

    /// <summary>Unpacks the specification and compiles the document's schemas now rather than on the first validation.</summary>
    public void WarmUp(Bundle sample) => Validate(sample);

    public HandoverValidationResult Validate(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        OperationOutcome outcome;
        lock (gate)
        {
            outcome = validator.Value.Validate(resource);
        }

        var errors = new List<HandoverIssue>();
        var warnings = new List<HandoverIssue>();
        foreach (var issue in outcome.Issue)
        {
            var found = new HandoverIssue(
                issue.Severity?.ToString() ?? "Unknown",
                string.Join(", ", issue.Expression ?? []),
                issue.Details?.Text ?? issue.Diagnostics ?? "");
            if (issue.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            {
                errors.Add(found);
            }
            else if (issue.Severity == OperationOutcome.IssueSeverity.Warning)
            {
                warnings.Add(found);
            }
        }

        return new HandoverValidationResult(outcome, errors, warnings);
    }

    private static Validator Create(string directory)
    {
        if (!File.Exists(Path.Combine(directory, "specification.zip")))
        {
            throw new FileNotFoundException(
                $"specification.zip (package Hl7.Fhir.Specification.Data.R4) is not in {directory}; the validator needs it to work offline.");
        }

        var resolver = new CachedResolver(ZipSource.CreateValidationSource(Path.Combine(directory, "specification.zip")));
        var terminology = new LocalTerminologyService(resolver);
        return new Validator(resolver, terminology);
    }
}
