namespace EmergencyLink.Server.Api;

/// <param name="HospitalId">The ED to pre-alert; by default the case's destination (required on scene, before there is one).</param>
/// <param name="Message">What the ED should know now (the patient's condition, what to prepare).</param>
public sealed record PreAlertBody(string? HospitalId, string? Message);
