namespace EmergencyLink.Domain.Guidance;

/// <summary>
/// A point on a frame, normalised to the frame (0,0 top left, 1,1 bottom right), so the ED's screen and the crew's,
/// which show the frame at different sizes, put the mark on the same spot.
/// </summary>
public sealed record GuidancePoint(double X, double Y);
