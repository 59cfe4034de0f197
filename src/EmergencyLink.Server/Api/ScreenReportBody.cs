namespace EmergencyLink.Server.Api;

/// <summary>An ED screen's account of a case's stream: <c>{screen, channels: [{channel, frames, …Ms}]}</c>.</summary>
public sealed record ScreenReportBody(string? Screen, IReadOnlyList<ScreenChannelBody?>? Channels);
