namespace EmergencyLink.Contracts.Telemetry;

/// <summary>
/// An ED screen's own account of a case's stream, the last leg (server → screen) that only the screen can measure;
/// the latest report per screen is kept.
/// </summary>
public sealed record ScreenReport(string Screen, string ReportedBy, DateTimeOffset ReportedAt, IReadOnlyList<ScreenChannelReport> Channels);
