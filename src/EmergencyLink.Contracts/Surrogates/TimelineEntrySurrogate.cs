using EmergencyLink.Domain.Cases;

namespace EmergencyLink.Contracts.Surrogates;

[GenerateSerializer]
public struct TimelineEntrySurrogate
{
    [Id(0)] public int Sequence;
    [Id(1)] public DateTimeOffset At;
    [Id(2)] public string Actor;
    [Id(3)] public CaseTrigger? Trigger;
    [Id(4)] public CaseState From;
    [Id(5)] public CaseState To;
    [Id(6)] public string? Detail;
    [Id(7)] public TimelineEvent? Event;
}
