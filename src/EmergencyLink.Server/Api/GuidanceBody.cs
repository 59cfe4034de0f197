namespace EmergencyLink.Server.Api;

/// <param name="Channel"><c>video</c> or an ultrasound channel's id: the stream the mark was drawn on.</param>
/// <param name="Sequence">The sequence number of the frame it was drawn on.</param>
/// <param name="Shape"><c>Point</c>, <c>Line</c>, <c>Arrow</c> or <c>Circle</c>.</param>
/// <param name="Points">1 to 32 points normalised to the frame.</param>
/// <param name="Text">A short instruction shown with the mark.</param>
/// <param name="Colour">#rrggbb.</param>
public sealed record GuidanceBody(
    string? Channel, long? Sequence, string? Shape, IReadOnlyList<GuidancePointBody?>? Points, string? Text, string? Colour);
