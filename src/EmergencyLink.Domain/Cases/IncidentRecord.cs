using EmergencyLink.Domain.Alerts;
using EmergencyLink.Domain.Documentation;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Guidance;
using EmergencyLink.Domain.Handover;
using EmergencyLink.Domain.Messaging;

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

    /// <summary>The conversation between the ED, the crew and dispatch, in the order written; nothing is changed or removed.</summary>
    public List<CaseMessage> Messages { get; set; } = [];

    /// <summary>The latest tele-guidance marks (at most <see cref="TeleGuidance.MaxKept"/>), oldest first.</summary>
    public List<GuidanceMark> Guidance { get; set; } = [];

    /// <summary>Marks ever drawn on the case, so ids stay unique after old marks are let go.</summary>
    public int GuidanceMarks { get; set; }
}
