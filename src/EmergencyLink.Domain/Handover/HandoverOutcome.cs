namespace EmergencyLink.Domain.Handover;

/// <summary>The answer to a handover-loop step: the loop as it now stands, or why nothing changed.</summary>
public sealed record HandoverOutcome(HandoverOutcomeKind Kind, HandoverLoop? Loop, string? Error)
{
    public bool Accepted => Kind == HandoverOutcomeKind.Accepted;

    public static HandoverOutcome Ok(HandoverLoop loop) => new(HandoverOutcomeKind.Accepted, loop, null);

    public static HandoverOutcome Refused(HandoverOutcomeKind kind, string error, HandoverLoop? loop = null) => new(kind, loop, error);
}
