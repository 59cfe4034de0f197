namespace EmergencyLink.Consoles.Video;

/// <summary>One video frame as a screen shows it: a JPEG as a data URI, and the sequence a guidance mark names it by.</summary>
public sealed record HeldFrame(string Channel, long Sequence, int Width, int Height, string ImageUri);
