using EmergencyLink.Domain.Messaging;

namespace EmergencyLink.Contracts.Surrogates;

[RegisterConverter]
public sealed class CaseMessageConverter : IConverter<CaseMessage, CaseMessageSurrogate>
{
    public CaseMessage ConvertFromSurrogate(in CaseMessageSurrogate s) => new(s.Id, s.At, s.Author, s.Side, s.HospitalId, s.Text, s.Reply, s.ReplyTarget);

    public CaseMessageSurrogate ConvertToSurrogate(in CaseMessage v) => new() { Id = v.Id, At = v.At, Author = v.Author, Side = v.Side, HospitalId = v.HospitalId, Text = v.Text, Reply = v.Reply, ReplyTarget = v.ReplyTarget };
}
