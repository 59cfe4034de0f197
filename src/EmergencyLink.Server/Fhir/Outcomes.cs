using Hl7.Fhir.Model;

namespace EmergencyLink.Server.Fhir;

/// <summary>Every error of the FHIR interface is an OperationOutcome saying what was wrong, with the HTTP status.</summary>
public static class Outcomes
{
    public static FhirResult Error(int status, OperationOutcome.IssueType type, string diagnostics) => new(
        new OperationOutcome
        {
            Issue =
            [
                new OperationOutcome.IssueComponent
                {
                    Severity = OperationOutcome.IssueSeverity.Error,
                    Code = type,
                    Diagnostics = diagnostics,
                },
            ],
        },
        status);

    public static FhirResult NotFound(string diagnostics) => Error(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, diagnostics);

    public static FhirResult Forbidden(string diagnostics) => Error(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden, diagnostics);

    public static FhirResult Invalid(string diagnostics) => Error(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, diagnostics);
}
