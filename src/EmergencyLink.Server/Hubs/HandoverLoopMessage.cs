using EmergencyLink.Domain.Handover;

namespace EmergencyLink.Server.Hubs;

/// <summary>
/// A step of a case's handover loop with one ED, pushed to that ED (also when the case has since gone elsewhere, so it
/// can acknowledge the stand-down) and to dispatch.
/// </summary>
public sealed record HandoverLoopMessage(string IncidentId, string HospitalId, string? AmbulanceId, int Priority, HandoverLoop Loop);
