using EmergencyLink.Domain.Alerts;

namespace EmergencyLink.Server.Hubs;

/// <summary>A new alert pushed to viewers; the case's snapshot that follows carries it too.</summary>
public sealed record AlertMessage(string IncidentId, string? HospitalId, string? AmbulanceId, CaseAlert Alert);
