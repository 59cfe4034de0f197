using EmergencyLink.Domain.Handover;

namespace EmergencyLink.Contracts.Surrogates;

[GenerateSerializer]
public struct HandoverStepSurrogate
{
    [Id(0)] public int Sequence;
    [Id(1)] public DateTimeOffset At;
    [Id(2)] public string Actor;
    [Id(3)] public HandoverLoopTrigger Trigger;
    [Id(4)] public HandoverLoopState? From;
    [Id(5)] public HandoverLoopState To;
    [Id(6)] public string? Detail;
    [Id(7)] public int? Level;
}
