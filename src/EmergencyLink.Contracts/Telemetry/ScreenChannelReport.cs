namespace EmergencyLink.Contracts.Telemetry;

/// <summary>What one ED screen saw of one channel of a case: frames held, and latency to the screen.</summary>
public sealed record ScreenChannelReport(
    string Channel,
    long Frames,
    double CaptureToScreenP50Ms,
    double CaptureToScreenP99Ms,
    double ServerToScreenP50Ms,
    double ServerToScreenP99Ms);
