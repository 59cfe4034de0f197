using EmergencyLink.Contracts;
using EmergencyLink.Contracts.Telemetry;

namespace EmergencyLink.Server.Hubs;

/// <summary>What an emergency department's board receives: only its own hospital's inbound cases.</summary>
public interface IHospitalClient
{
    Task InboundChanged(IncidentSnapshot incident);

    Task InboundRemoved(InboundRemoval removal);

    Task HospitalStatusChanged(HospitalSnapshot hospital);

    /// <summary>Live frames (vitals, ECG, video) of a case inbound to the hospital.</summary>
    Task Telemetry(TelemetryDelivery delivery);
}
