using EmergencyLink.Domain.Cases;

namespace EmergencyLink.Contracts.Surrogates;

[GenerateSerializer]
public struct CaseCommandSurrogate
{
    [Id(0)] public CaseTrigger Trigger;
    [Id(1)] public string? AmbulanceId;
    [Id(2)] public string? HospitalId;
    [Id(3)] public NoTransportDisposition? Disposition;
    [Id(4)] public string? Reason;
    [Id(5)] public int? Priority;
}
