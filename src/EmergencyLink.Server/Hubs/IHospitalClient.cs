using EmergencyLink.Contracts;

namespace EmergencyLink.Server.Hubs;

/// <summary>What an emergency department's board receives: only its own hospital's inbound cases.</summary>
public interface IHospitalClient
{
    Task InboundChanged(IncidentSnapshot incident);

    Task InboundRemoved(InboundRemoval removal);

    Task HospitalStatusChanged(HospitalSnapshot hospital);
}
