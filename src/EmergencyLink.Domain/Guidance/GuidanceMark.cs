namespace EmergencyLink.Domain.Guidance;

/// <summary>A tele-guidance mark as kept in the case and pushed to the crew's screen.</summary>
/// <param name="Id">Stable within the case: "G1", "G2", … in the order drawn (older marks may have been let go).</param>
/// <param name="At">When the server accepted it (UTC): the crew's screen times the delay from it.</param>
/// <param name="Author">The authenticated clinician.</param>
/// <param name="HospitalId">The ED's hospital; null for an admin.</param>
public sealed record GuidanceMark(
    string Id,
    DateTimeOffset At,
    string Author,
    string? HospitalId,
    string Channel,
    long Sequence,
    GuidanceShape Shape,
    IReadOnlyList<GuidancePoint> Points,
    string? Text,
    string? Colour);
