namespace EmergencyLink.Server.Api;

/// <summary>A point normalised to the frame: 0..1 from the left (x) and from the top (y).</summary>
public sealed record GuidancePointBody(double? X, double? Y);
