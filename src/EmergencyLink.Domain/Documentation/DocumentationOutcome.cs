namespace EmergencyLink.Domain.Documentation;

/// <summary>The entry recorded, or why nothing changed.</summary>
public sealed record DocumentationOutcome(CareEntry? Entry, string? Error, DocumentationRefusal Refusal = DocumentationRefusal.None)
{
    public bool Accepted => Error is null;

    public static DocumentationOutcome Refused(DocumentationRefusal refusal, string error) => new(null, error, refusal);
}
