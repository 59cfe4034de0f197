using EmergencyLink.Domain.Units;

namespace EmergencyLink.Contracts.Surrogates;

[GenerateSerializer]
public struct UnitExclusionSurrogate
{
    [Id(0)] public string AmbulanceId;
    [Id(1)] public string CallSign;
    [Id(2)] public UnitStatus Status;
    [Id(3)] public UnitCapability Capability;
    [Id(4)] public double? EtaSeconds;
    [Id(5)] public string Reason;
}
