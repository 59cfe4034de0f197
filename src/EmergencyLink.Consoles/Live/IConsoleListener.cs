using EmergencyLink.Contracts;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Alerts;
using EmergencyLink.Domain.Guidance;
using EmergencyLink.Domain.Messaging;

namespace EmergencyLink.Consoles.Live;

/// <summary>
/// What a console hears. Calls come on the grain's or hub's thread: implementations only hand the change to their
/// renderer (InvokeAsync) and return at once.
/// </summary>
public interface IConsoleListener
{
    void OnIncidentChanged(IncidentSnapshot incident) { }

    void OnUnitChanged(AmbulanceSnapshot unit) { }

    void OnHospitalChanged(HospitalSnapshot hospital) { }

    void OnAlertRaised(IncidentSnapshot incident, CaseAlert alert) { }

    void OnCoverageChanged(CoverageFigure coverage) { }

    void OnVitals(string? hospitalId, TelemetryDelivery vitals) { }

    /// <summary>Every live delivery of every case at full rate: return at once unless it is the case on screen.</summary>
    void OnTelemetry(string? hospitalId, TelemetryDelivery delivery) { }

    void OnCaseMessage(IncidentSnapshot incident, CaseMessage message) { }

    void OnGuidanceMarked(IncidentSnapshot incident, GuidanceMark mark) { }
}
