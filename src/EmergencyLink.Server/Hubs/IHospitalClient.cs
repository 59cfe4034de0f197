using EmergencyLink.Contracts;
using EmergencyLink.Contracts.Telemetry;

namespace EmergencyLink.Server.Hubs;

/// <summary>What an emergency department's board receives: only its own hospital's inbound cases.</summary>
public interface IHospitalClient
{
    Task InboundChanged(IncidentSnapshot incident);

    Task InboundRemoved(InboundRemoval removal);

    Task HospitalStatusChanged(HospitalSnapshot hospital);

    /// <summary>Live frames: vitals of every case inbound to the hospital; everything of a case this screen opened.</summary>
    Task Telemetry(TelemetryDelivery delivery);

    /// <summary>A new clinical alert on a case inbound to this hospital, with its evidence; it waits for acknowledgement.</summary>
    Task AlertRaised(AlertMessage alert);

    /// <summary>The current FHIR handover document of a case inbound to this hospital, after every change of its record.</summary>
    Task HandoverUpdated(HandoverMessage handover);

    /// <summary>A step of a handover loop with this ED: a pre-alert (again), arrival, transfer of care, a redirect or cancellation to acknowledge.</summary>
    Task HandoverLoopChanged(HandoverLoopMessage message);

    /// <summary>A pre-alert to this ED still unacknowledged after the escalation interval (again each interval).</summary>
    Task PreAlertEscalated(PreAlertEscalation escalation);

    /// <summary>A message of a case inbound to this hospital, from the crew, dispatch or this ED.</summary>
    Task CaseMessage(CaseMessageNotice message);

    /// <summary>A tele-guidance mark on a case this screen opened (<c>WatchCase</c>), drawn here or on another screen.</summary>
    Task GuidanceMark(GuidanceNotice mark);
}
