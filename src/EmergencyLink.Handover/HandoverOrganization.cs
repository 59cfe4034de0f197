namespace EmergencyLink.Handover;

/// <summary>An organisation named in the handover: the EMS agency or the receiving hospital.</summary>
/// <param name="Id">The system's id for it (agency id, hospital id).</param>
/// <param name="Name">What a clinician reads: "EmergencyLink EMS", "Johns Hopkins Hospital".</param>
public sealed record HandoverOrganization(string Id, string Name);
