namespace EmergencyLink.Server.Api;

public sealed record BeFastBody(bool Balance, bool Eyes, bool Face, bool Arm, bool Speech, DateTimeOffset? LastKnownWell);
