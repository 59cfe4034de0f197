namespace EmergencyLink.Domain.Guidance;

/// <summary>The mark recorded, or why nothing changed.</summary>
/// <param name="OnTimeline">Whether the mark also made a timeline entry (see <see cref="TeleGuidance"/>).</param>
/// <param name="Conflict">The mark was well formed but the case cannot take it now (it has ended).</param>
public sealed record GuidanceOutcome(GuidanceMark? Mark, string? Error, bool OnTimeline = false, bool Conflict = false)
{
    public bool Accepted => Error is null;
}
