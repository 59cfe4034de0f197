using EmergencyLink.Domain.Units;

namespace EmergencyLink.Contracts.Surrogates;

[GenerateSerializer]
public struct UnitRecommendationSurrogate
{
    [Id(0)] public string AmbulanceId;
    [Id(1)] public string CallSign;
    [Id(2)] public double EtaSeconds;
    [Id(3)] public double DistanceMeters;
    [Id(4)] public UnitCapability Capability;
    [Id(5)] public UnitStatus Status;
}
