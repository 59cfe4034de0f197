using EmergencyLink.Domain.Handover;

namespace EmergencyLink.Server.Hubs;

/// <summary>A pre-alert nobody in the ED has acknowledged for <see cref="Level"/> escalation intervals since <see cref="AwaitingSince"/>.</summary>
public sealed record PreAlertEscalation(
    string IncidentId,
    string HospitalId,
    string? AmbulanceId,
    int Priority,
    int Level,
    DateTimeOffset? AwaitingSince,
    HandoverLoop Loop);
