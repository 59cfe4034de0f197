using EmergencyLink.Domain.Messaging;

namespace EmergencyLink.Contracts.Surrogates;

[GenerateSerializer]
public struct NewCaseMessageSurrogate
{
    [Id(0)] public MessageSide Side;
    [Id(1)] public string? HospitalId;
    [Id(2)] public string? Text;
    [Id(3)] public QuickReply? Reply;
    [Id(4)] public string? ReplyTarget;
}
