using EmergencyLink.Domain.Handover;

namespace EmergencyLink.Contracts.Surrogates;

[RegisterConverter]
public sealed class HandoverStepConverter : IConverter<HandoverStep, HandoverStepSurrogate>
{
    public HandoverStep ConvertFromSurrogate(in HandoverStepSurrogate s) =>
        new(s.Sequence, s.At, s.Actor, s.Trigger, s.From, s.To, s.Detail, s.Level);

    public HandoverStepSurrogate ConvertToSurrogate(in HandoverStep v) => new()
    {
        Sequence = v.Sequence, At = v.At, Actor = v.Actor, Trigger = v.Trigger, From = v.From, To = v.To, Detail = v.Detail, Level = v.Level,
    };
}
