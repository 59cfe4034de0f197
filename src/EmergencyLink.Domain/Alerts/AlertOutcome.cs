namespace EmergencyLink.Domain.Alerts;

/// <summary>The result of acknowledging: the alert as it now stands, or why nothing changed.</summary>
public sealed record AlertOutcome(CaseAlert? Alert, string? Error)
{
    public bool Accepted => Error is null;
}
