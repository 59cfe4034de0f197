namespace EmergencyLink.Domain.Cases;

/// <summary>The answer to a case command; a refused command has changed nothing.</summary>
public sealed record TransitionOutcome(
    TransitionOutcomeKind Kind,
    CaseState From,
    CaseState To,
    IReadOnlyList<CaseTrigger> PermittedTriggers,
    string? Error)
{
    public bool Accepted => Kind == TransitionOutcomeKind.Accepted;
}
