namespace EmergencyLink.Domain.Guidance;

/// <summary>A mark as the ED clinician drew it, before the case stamps it.</summary>
/// <param name="Channel">The video channel it was drawn on: <c>video</c> or an ultrasound channel's id.</param>
/// <param name="Sequence">The sequence number of the frame it was drawn on, so the crew's screen shows it on that frame.</param>
/// <param name="Points">Normalised to the frame, 0..1.</param>
/// <param name="Text">A short instruction with the mark ("needle here").</param>
/// <param name="Colour">#rrggbb; the screen's default when null.</param>
public sealed record NewGuidanceMark(
    string? Channel,
    long Sequence,
    GuidanceShape Shape,
    IReadOnlyList<GuidancePoint>? Points,
    string? Text = null,
    string? Colour = null);
