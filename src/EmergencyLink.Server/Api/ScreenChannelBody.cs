namespace EmergencyLink.Server.Api;

public sealed record ScreenChannelBody(
    string? Channel,
    long? Frames,
    double? CaptureToScreenP50Ms,
    double? CaptureToScreenP99Ms,
    double? ServerToScreenP50Ms,
    double? ServerToScreenP99Ms);
