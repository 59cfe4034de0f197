namespace EmergencyLink.Server.Hubs;

/// <summary>
/// The current handover document of a case inbound to the hospital, pushed whenever the case record changes.
/// <see cref="Version"/> grows with every change; a board keeps the highest it has seen.
/// </summary>
/// <param name="Bundle">The FHIR R4 document Bundle as JSON (application/fhir+json).</param>
public sealed record HandoverMessage(string IncidentId, string HospitalId, int Version, DateTimeOffset GeneratedAt, string Bundle);
