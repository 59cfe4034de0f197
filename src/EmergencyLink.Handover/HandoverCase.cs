using EmergencyLink.Domain.Alerts;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Documentation;
using EmergencyLink.Domain.Geography;

namespace EmergencyLink.Handover;

/// <summary>
/// Everything the handover document is made from, as the case holds it. Documentation is the full stamped record,
/// corrections included: the builder shows the current version of each entry and leaves the originals to the timeline.
/// </summary>
/// <param name="Priority">1 (life-threatening) to 4, as dispatch set it.</param>
/// <param name="Complaint">The complaint as dispatch took it from the caller.</param>
/// <param name="UnitId">The ambulance that attended.</param>
/// <param name="Destination">The receiving hospital, or null when there was no transport.</param>
/// <param name="Vitals">The monitor's readings in time order.</param>
/// <param name="Version">The document's version: 1 for the first handover document of the case, then 2, 3, ….</param>
public sealed record HandoverCase(
    string CaseId,
    CaseState State,
    int Priority,
    string Complaint,
    string Address,
    GeoPoint Location,
    DateTimeOffset CreatedAt,
    NoTransportDisposition? Disposition,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<CareEntry> Documentation,
    IReadOnlyList<CaseAlert> Alerts,
    HandoverOrganization Agency,
    string UnitId,
    HandoverOrganization? Destination,
    IReadOnlyList<VitalsReading> Vitals,
    EcgStrip? Ecg,
    int Version,
    DateTimeOffset GeneratedAt);
