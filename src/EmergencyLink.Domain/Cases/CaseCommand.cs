namespace EmergencyLink.Domain.Cases;

/// <summary>A trigger with the arguments some triggers need.</summary>
/// <param name="AmbulanceId">Required by Assign.</param>
/// <param name="HospitalId">Required by Transport and Divert.</param>
/// <param name="Disposition">Required by NoTransport.</param>
/// <param name="Reason">Free text kept on the timeline (cancel, reassign, divert).</param>
/// <param name="Priority">Optional on Triage: the confirmed priority.</param>
public sealed record CaseCommand(
    CaseTrigger Trigger,
    string? AmbulanceId = null,
    string? HospitalId = null,
    NoTransportDisposition? Disposition = null,
    string? Reason = null,
    int? Priority = null);
