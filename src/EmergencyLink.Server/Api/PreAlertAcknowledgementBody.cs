namespace EmergencyLink.Server.Api;

/// <param name="HospitalId">Admins only: whose acknowledgement this is; an ED user acknowledges for its own hospital.</param>
/// <param name="LoopId">A particular loop ("L1"), when an ED holds an older one awaiting a stand-down; by default its latest.</param>
public sealed record PreAlertAcknowledgementBody(string? HospitalId, string? LoopId);
