using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Messaging;

namespace EmergencyLink.Domain.Tests;

public sealed class CaseMessagesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static IncidentRecord NewCase() =>
        IncidentCase.Open("INC-000001", new NewIncident(new GeoPoint(44, -38), "chest pain", 1), "calltaker", T0);

    [Fact]
    public void A_message_is_numbered_stamped_and_written_on_the_timeline_in_full_without_moving_the_case()
    {
        var record = NewCase();

        var first = CaseMessages.Post(record, new NewCaseMessage(MessageSide.Crew, null, "  12-lead shows inferior STEMI  "), "medic Ray", T0.AddMinutes(5));
        var second = CaseMessages.Post(record, new NewCaseMessage(MessageSide.Ed, "H1", "Understood"), "dr Lee", T0.AddMinutes(6));

        Assert.True(first.Accepted);
        Assert.Equal(("M1", "12-lead shows inferior STEMI", MessageSide.Crew, (string?)null), (first.Message!.Id, first.Message.Text, first.Message.Side, first.Message.HospitalId));
        Assert.Equal(("M2", "H1", T0.AddMinutes(6), "dr Lee"), (second.Message!.Id, second.Message.HospitalId, second.Message.At, second.Message.Author));
        Assert.Equal(2, record.Messages.Count);
        var entry = record.Timeline[^1];
        Assert.Equal((TimelineEvent?)TimelineEvent.Message, entry.Event);
        Assert.Equal((CaseState.Received, CaseState.Received, "dr Lee"), (entry.From, entry.To, entry.Actor));
        Assert.Equal("M2 Ed H1: Understood", entry.Detail);
    }

    [Theory]
    [InlineData(QuickReply.CathLabActivated, null, null, "Cath lab activated")]
    [InlineData(QuickReply.GoToResus, "2", null, "Go to resus 2")]
    [InlineData(QuickReply.DivertTo, "H2", "our cath lab is down", "Divert to H2: our cath lab is down")]
    [InlineData(QuickReply.StrokeTeamWaiting, null, null, "Stroke team waiting")]
    [InlineData(QuickReply.Received, null, null, "Received")]
    public void A_quick_reply_says_its_words_with_its_target_and_any_note(QuickReply reply, string? target, string? note, string expected)
    {
        var record = NewCase();

        var outcome = CaseMessages.Post(record, new NewCaseMessage(MessageSide.Ed, "H1", note, reply, target), "dr Lee", T0);

        Assert.True(outcome.Accepted, outcome.Error);
        Assert.Equal((expected, (QuickReply?)reply, target), (outcome.Message!.Text, outcome.Message.Reply, outcome.Message.ReplyTarget));
    }

    [Fact]
    public void Replies_that_commit_the_hospital_are_the_eds_and_anyone_may_acknowledge()
    {
        Assert.Equal([QuickReply.Received], QuickReplies.For(MessageSide.Crew));
        Assert.Equal([QuickReply.Received, QuickReply.DivertTo], QuickReplies.For(MessageSide.Dispatch));
        Assert.Equal(Enum.GetValues<QuickReply>(), QuickReplies.For(MessageSide.Ed));
        var errors = CaseMessages.Validate(new NewCaseMessage(MessageSide.Crew, null, null, QuickReply.CathLabActivated));
        Assert.Equal(["reply"], errors.Keys);
    }

    [Fact]
    public void Invalid_messages_are_refused_per_field_and_change_nothing()
    {
        var record = NewCase();
        var cases = new (NewCaseMessage Message, string Field)[]
        {
            (new NewCaseMessage(MessageSide.Crew, null, ""), "text"),
            (new NewCaseMessage(MessageSide.Crew, null, "   "), "text"),
            (new NewCaseMessage(MessageSide.Crew, null, new string('x', CaseMessages.MaxTextLength + 1)), "text"),
            (new NewCaseMessage(MessageSide.Ed, null, "hello"), "hospitalId"),
            (new NewCaseMessage(MessageSide.Ed, "H1", null, QuickReply.GoToResus), "replyTarget"),
            (new NewCaseMessage(MessageSide.Ed, "H1", null, QuickReply.DivertTo, "H2; DROP"), "replyTarget"),
            (new NewCaseMessage(MessageSide.Ed, "H1", null, QuickReply.Received, "H2"), "replyTarget"),
            (new NewCaseMessage(MessageSide.Ed, "H1", "hi", null, "H2"), "replyTarget"),
            (new NewCaseMessage(MessageSide.Ed, "H1", null, (QuickReply)99), "reply"),
            (new NewCaseMessage((MessageSide)7, null, "hi"), "side"),
        };

        foreach (var (message, field) in cases)
        {
            Assert.Contains(field, CaseMessages.Validate(message).Keys);
            Assert.False(CaseMessages.Post(record, message, "someone", T0).Accepted);
        }

        Assert.Empty(record.Messages);
        Assert.Single(record.Timeline);
    }

    [Fact]
    public void An_ended_case_takes_no_more_messages()
    {
        var record = NewCase();
        record.State = CaseState.Closed;

        var outcome = CaseMessages.Post(record, new NewCaseMessage(MessageSide.Crew, null, "back in service"), "medic Ray", T0);

        Assert.Equal((false, true), (outcome.Accepted, outcome.Conflict));
        Assert.Empty(record.Messages);
    }
}
