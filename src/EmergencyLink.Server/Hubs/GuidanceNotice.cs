using EmergencyLink.Domain.Guidance;

namespace EmergencyLink.Server.Hubs;

/// <summary>A tele-guidance mark pushed to viewers; <c>Mark.At</c> is the server's time, from which a screen times the delay.</summary>
public sealed record GuidanceNotice(string IncidentId, string? HospitalId, string? AmbulanceId, GuidanceMark Mark);
