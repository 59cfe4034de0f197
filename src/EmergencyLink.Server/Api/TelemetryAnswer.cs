using EmergencyLink.Contracts.Telemetry;

namespace EmergencyLink.Server.Api;

/// <summary>A case's stream as the server holds it (per channel) and as the ED screens that watched it saw it.</summary>
public sealed record TelemetryAnswer(string CaseId, IReadOnlyList<ChannelReport> Channels, IReadOnlyList<ScreenReport> Screens);
