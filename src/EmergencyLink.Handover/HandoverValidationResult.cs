using Hl7.Fhir.Model;

namespace EmergencyLink.Handover;

/// <summary>The validator's OperationOutcome, and its issues split so callers can gate on errors and log warnings.</summary>
public sealed record HandoverValidationResult(OperationOutcome Outcome, IReadOnlyList<HandoverIssue> Errors, IReadOnlyList<HandoverIssue> Warnings)
{
    public bool IsValid => Errors.Count == 0;
}
