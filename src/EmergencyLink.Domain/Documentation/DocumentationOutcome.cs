namespace EmergencyLink.Domain.Documentation;

/// <summary>The entry recorded, or why nothing changed (<see cref="NotFound"/> when the amended entry does not exist).</summary>
public sealed record DocumentationOutcome(CareEntry? Entry, string? Error, bool NotFound = false)
{
    public bool Accepted => Error is null;
}
