using EmergencyLink.Domain.Alerts;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Documentation;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Guidance;
using EmergencyLink.Domain.Handover;
using EmergencyLink.Domain.Messaging;

namespace EmergencyLink.Contracts;

/// <summary>A committed case as the API, the hubs and other grains see it.</summary>
[GenerateSerializer, Immutable]
public sealed record IncidentSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] CaseState State,
    [property: Id(2)] int Priority,
    [property: Id(3)] GeoPoint Location,
    [property: Id(4)] string? Address,
    [property: Id(5)] string Complaint,
    [property: Id(6)] string? CallerPhone,
    [property: Id(7)] string? Notes,
    [property: Id(8)] string? AmbulanceId,
    [property: Id(9)] string? HospitalId,
    [property: Id(10)] NoTransportDisposition? Disposition,
    [property: Id(11)] DateTimeOffset CreatedAt,
    [property: Id(12)] IReadOnlyList<TimelineEntry> Timeline,
    [property: Id(13)] IReadOnlyList<CaseTrigger> PermittedTriggers,
    [property: Id(14)] IReadOnlyList<CaseAlert> Alerts)
{
    public static IncidentSnapshot From(IncidentRecord r) => new(
        r.Id, r.State, r.Priority, r.Location, r.Address, r.Complaint, r.CallerPhone, r.Notes, r.AmbulanceId,
        r.HospitalId, r.Disposition, r.CreatedAt, r.Timeline.ToArray(), CaseWorkflow.PermittedTriggers(r.State), r.Alerts.ToArray())
    {
        Documentation = r.Documentation.ToArray(),
        HandoverLoops = r.HandoverLoops.ToArray(),
        Messages = r.Messages.ToArray(),
        Guidance = TeleGuidance.Recent(r.Guidance),
    };

    /// <summary>
    /// The crew's record, every entry ever written (corrections appended, originals kept). Outside the primary
    /// constructor so that snapshots stored before it existed still read.
    /// </summary>
    [Id(15)]
    public IReadOnlyList<CareEntry> Documentation { get; init; } = [];

    /// <summary>
    /// The closed loops with the EDs pre-alerted for the case, so boards show acknowledgement and offload. Outside the
    /// primary constructor so that snapshots stored before it existed still read.
    /// </summary>
    [Id(16)]
    public IReadOnlyList<HandoverLoop> HandoverLoops { get; init; } = [];

    /// <summary>
    /// The conversation between the ED, the crew and dispatch. Outside the primary constructor so that snapshots stored
    /// before it existed still read.
    /// </summary>
    [Id(17)]
    public IReadOnlyList<CaseMessage> Messages { get; init; } = [];

    /// <summary>
    /// The latest tele-guidance marks (<see cref="TeleGuidance.InSnapshot"/>; the case keeps more, see
    /// <see cref="IIncidentGrain.GetGuidanceAsync"/>). Outside the primary constructor so that snapshots
    /// stored before it existed still read.
    /// </summary>
    [Id(18)]
    public IReadOnlyList<GuidanceMark> Guidance { get; init; } = [];
}
