using EmergencyLink.Domain.Messaging;

namespace EmergencyLink.Contracts.Surrogates;

[RegisterConverter]
public sealed class NewCaseMessageConverter : IConverter<NewCaseMessage, NewCaseMessageSurrogate>
{
    public NewCaseMessage ConvertFromSurrogate(in NewCaseMessageSurrogate s) => new(s.Side, s.HospitalId, s.Text, s.Reply, s.ReplyTarget);

    public NewCaseMessageSurrogate ConvertToSurrogate(in NewCaseMessage v) => new() { Side = v.Side, HospitalId = v.HospitalId, Text = v.Text, Reply = v.Reply, ReplyTarget = v.ReplyTarget };
}
