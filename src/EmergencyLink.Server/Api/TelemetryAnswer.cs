using EmergencyLink.Contracts.Telemetry;

namespace EmergencyLink.Server.Api;

public sealed record TelemetryAnswer(string CaseId, IReadOnlyList<ChannelReport> Channels);
