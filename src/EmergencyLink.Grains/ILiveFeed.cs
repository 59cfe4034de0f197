using EmergencyLink.Contracts;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Alerts;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Guidance;
using EmergencyLink.Domain.Handover;
using EmergencyLink.Domain.Messaging;

namespace EmergencyLink.Grains;

/// <summary>
/// Where grains push committed changes for live viewers. The host implements it with SignalR hub contexts; the
/// telemetry path stays off Orleans streams, whose polling adds 50–100 ms (DESIGN.md).
/// </summary>
public interface ILiveFeed
{
    Task IncidentChangedAsync(IncidentSnapshot incident);

    Task UnitChangedAsync(AmbulanceSnapshot unit);

    Task UnitMovedAsync(AmbulanceSnapshot unit);

    Task HospitalChangedAsync(HospitalSnapshot hospital);

    Task InboundChangedAsync(string hospitalId, IncidentSnapshot incident);

    Task InboundRemovedAsync(string hospitalId, string incidentId, CaseState state);

    /// <summary>
    /// New frames of a case: all of them to the screens that opened the case, its vitals to the destination ED's
    /// board and to dispatch.
    /// </summary>
    Task TelemetryAsync(string? hospitalId, TelemetryDelivery delivery);

    /// <summary>A new alert: to the destination ED's board (if the case has a destination yet) and to dispatch.</summary>
    Task AlertRaisedAsync(IncidentSnapshot incident, CaseAlert alert);

    /// <summary>
    /// Alerts raised before the case had this destination (or while it had another), pushed as raised to the ED that now
    /// receives the patient: that team was in no group when they were first pushed. Dispatch has had them already.
    /// </summary>
    Task AlertsForDestinationAsync(string hospitalId, IncidentSnapshot incident, IReadOnlyList<CaseAlert> alerts);

    /// <summary>A step of a handover loop: to that loop's ED (which may no longer be the destination) and to dispatch.</summary>
    Task HandoverLoopChangedAsync(IncidentSnapshot incident, HandoverLoop loop);

    /// <summary>A pre-alert waited too long for its acknowledgement: to that loop's ED and to dispatch, louder than a step.</summary>
    Task PreAlertEscalatedAsync(IncidentSnapshot incident, HandoverLoop loop);

    /// <summary>A message of the case: to the destination ED's board, to dispatch and to the case's crew.</summary>
    Task CaseMessageAsync(IncidentSnapshot incident, CaseMessage message);

    /// <summary>A tele-guidance mark: to the case's crew and to the ED screens that opened the case.</summary>
    Task GuidanceMarkedAsync(IncidentSnapshot incident, GuidanceMark mark);
}
