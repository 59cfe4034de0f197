using EmergencyLink.Domain.Handover;

namespace EmergencyLink.Contracts.Surrogates;

[GenerateSerializer]
public struct HandoverLoopSurrogate
{
    [Id(0)] public string Id;
    [Id(1)] public string HospitalId;
    [Id(2)] public HandoverLoopState State;
    [Id(3)] public IReadOnlyList<HandoverStep> Steps;
}
