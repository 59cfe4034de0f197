using EmergencyLink.Domain.Messaging;

namespace EmergencyLink.Contracts.Surrogates;

[GenerateSerializer]
public struct CaseMessageSurrogate
{
    [Id(0)] public string Id;
    [Id(1)] public DateTimeOffset At;
    [Id(2)] public string Author;
    [Id(3)] public MessageSide Side;
    [Id(4)] public string? HospitalId;
    [Id(5)] public string Text;
    [Id(6)] public QuickReply? Reply;
    [Id(7)] public string? ReplyTarget;
}
