using EmergencyLink.Domain.Messaging;

namespace EmergencyLink.Server.Hubs;

/// <summary>A message pushed to viewers, with the case's destination and unit so a board can file it without a lookup.</summary>
public sealed record CaseMessageNotice(string IncidentId, string? HospitalId, string? AmbulanceId, CaseMessage Message);
