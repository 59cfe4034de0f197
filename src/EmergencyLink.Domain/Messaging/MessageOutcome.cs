namespace EmergencyLink.Domain.Messaging;

/// <summary>The message recorded, or why nothing changed.</summary>
/// <param name="Conflict">The message was well formed but the case cannot take it now (it has ended, or is full).</param>
public sealed record MessageOutcome(CaseMessage? Message, string? Error, bool Conflict = false)
{
    public bool Accepted => Error is null;
}
