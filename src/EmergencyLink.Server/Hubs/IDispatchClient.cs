using EmergencyLink.Contracts;
using EmergencyLink.Contracts.Telemetry;

namespace EmergencyLink.Server.Hubs;

/// <summary>What the dispatch console receives. Method names are the SignalR event names.</summary>
public interface IDispatchClient
{
    Task IncidentCreated(IncidentSnapshot incident);

    Task IncidentChanged(IncidentSnapshot incident);

    Task UnitStatusChanged(AmbulanceSnapshot unit);

    Task UnitPositionChanged(AmbulanceSnapshot unit);

    Task HospitalStatusChanged(HospitalSnapshot hospital);

    Task CoverageChanged(Coverage.CoverageReport coverage);

    /// <summary>Every streaming unit's vitals frames, for the dispatcher's overview; no ECG or video.</summary>
    Task Vitals(TelemetryDelivery delivery);

    /// <summary>Every new clinical alert of any case, with its evidence.</summary>
    Task AlertRaised(AlertMessage alert);

    /// <summary>Every step of every case's handover loops.</summary>
    Task HandoverLoopChanged(HandoverLoopMessage message);

    /// <summary>Every pre-alert an ED has left unacknowledged past the escalation interval.</summary>
    Task PreAlertEscalated(PreAlertEscalation escalation);

    /// <summary>Every message of every case.</summary>
    Task CaseMessage(CaseMessageNotice message);
}
