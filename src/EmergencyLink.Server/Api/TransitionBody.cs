namespace EmergencyLink.Server.Api;

/// <param name="Priority">Triage only: the confirmed priority, if it differs from the call's.</param>
/// <param name="AmbulanceId">Assign only; POST /assign is the usual way.</param>
public sealed record TransitionBody(
    string? Trigger,
    string? HospitalId,
    string? Disposition,
    string? Reason,
    int? Priority,
    string? AmbulanceId);
