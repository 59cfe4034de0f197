using EmergencyLink.Domain.Alerts;
using EmergencyLink.Domain.Documentation;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Handover;

namespace EmergencyLink.Domain.Cases;

/// <summary>
/// The persisted case. Only <see cref="IncidentCase"/> changes it, so every change is a stamped timeline step.
/// </summary>
public sealed class IncidentRecord
{
    public string Id { get; set; } = "";

    public CaseState State { get; set; }

    public int Priority { get; set; }

    public GeoPoint Location { get; set; }

    public string? Address { get; set; }

    public string Complaint { get; set; } = "";

    public string? CallerPhone { get; set; }

    public string? Notes { get; set; }

    /// <summary>The unit that serves or last served the case; kept after release for the record.</summary>
    public string? AmbulanceId { get; set; }

    /// <summary>The destination hospital, once transport has begun.</summary>
    public string? HospitalId { get; set; }

    public NoTransportDisposition? Disposition { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<TimelineEntry> Timeline { get; set; } = [];

    /// <summary>Alerts in the order raised; acknowledging one replaces it with its acknowledged copy, nothing is removed.</summary>
    public List<CaseAlert> Alerts { get; set; } = [];

    /// <summary>The crew's record in the order written; corrections are appended, nothing is changed or removed.</summary>
    public List<CareEntry> Documentation { get; set; } = [];

    public bool Exists => Id.Length > 0;

    /// <summary>The closed loops with the EDs the crew pre-alerted, in the order opened; a loop is replaced by its next step, never removed.</summary>
    public List<HandoverLoop> HandoverLoops { get; set; } = [];
}
