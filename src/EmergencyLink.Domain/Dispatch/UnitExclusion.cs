using EmergencyLink.Domain.Units;

namespace EmergencyLink.Domain.Dispatch;

/// <summary>A unit left out of a recommendation, and why; with its ETA where it could have come.</summary>
public sealed record UnitExclusion(string AmbulanceId, string CallSign, UnitStatus Status, UnitCapability Capability, double? EtaSeconds, string Reason);
