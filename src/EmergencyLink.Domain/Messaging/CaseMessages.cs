using System.Globalization;
using EmergencyLink.Domain.Cases;

namespace EmergencyLink.Domain.Messaging;

/// <summary>
/// The rules for the conversation of a case: what a valid message is, how it is stamped, and that each one is also a
/// timeline step (with its full text: what the ED told the crew is medico-legal record, like a radio log).
/// </summary>
public static class CaseMessages
{
    public const int MaxTextLength = 500;
    public const int MaxMessages = 2_000;

    /// <summary>Problems with the message, by field name; empty when it can be posted.</summary>
    public static IReadOnlyDictionary<string, string> Validate(NewCaseMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(message.Side))
        {
            errors["side"] = "Unknown side.";
        }
        else if (message.Side == MessageSide.Ed && string.IsNullOrWhiteSpace(message.HospitalId))
        {
            errors["hospitalId"] = "An ED message names its hospital.";
        }

        if (message.Text is { } text && text.Length > MaxTextLength)
        {
            errors["text"] = $"text is longer than {MaxTextLength} characters.";
        }
        else if (message.Reply is null && string.IsNullOrWhiteSpace(message.Text))
        {
            errors["text"] = $"text is required (1 to {MaxTextLength} characters), or a quick reply.";
        }

        if (message.Reply is { } reply)
        {
            if (!Enum.IsDefined(reply))
            {
                errors["reply"] = "Unknown quick reply.";
            }
            else
            {
                if (Enum.IsDefined(message.Side) && !QuickReplies.MayBeSentBy(reply, message.Side))
                {
                    errors["reply"] = $"{reply} is not a reply the {message.Side} side sends.";
                }

                if (QuickReplies.NeedsTarget(reply))
                {
                    if (string.IsNullOrWhiteSpace(message.ReplyTarget))
                    {
                        errors["replyTarget"] = reply == QuickReply.DivertTo
                            ? "DivertTo needs the hospital id to divert to."
                            : "GoToResus needs the room (\"2\", \"resus 2\" is said for you).";
                    }
                    else if (!QuickReplies.IsWellFormedTarget(message.ReplyTarget.Trim()))
                    {
                        errors["replyTarget"] = $"replyTarget is 1 to {QuickReplies.MaxTargetLength} letters, digits, spaces, '-', '_' or '.'.";
                    }
                }
                else if (message.ReplyTarget is not null)
                {
                    errors["replyTarget"] = $"{reply} names nothing; leave replyTarget out.";
                }
            }
        }
        else if (message.ReplyTarget is not null)
        {
            errors["replyTarget"] = "replyTarget goes with a quick reply.";
        }

        return errors;
    }

    /// <summary>Stamps and appends a message, and records it on the timeline; refused if invalid or the case has ended.</summary>
    public static MessageOutcome Post(IncidentRecord record, NewCaseMessage message, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var errors = Validate(message);
        if (errors.Count > 0)
        {
            return new MessageOutcome(null, string.Join(" ", errors.Values));
        }

        if (QuickReplies.Ends(record.State))
        {
            // A closed case's record is final; talk about it belongs to a new case or another channel.
            return new MessageOutcome(null, $"Case {record.Id} is {record.State}; it takes no more messages.", Conflict: true);
        }

        if (record.Messages.Count >= MaxMessages)
        {
            return new MessageOutcome(null, $"Case {record.Id} holds {MaxMessages} messages, the most one case holds.", Conflict: true);
        }

        var target = message.ReplyTarget?.Trim();
        var note = string.IsNullOrWhiteSpace(message.Text) ? null : message.Text.Trim();
        var text = message.Reply is { } reply
            ? note is null ? QuickReplies.Wording(reply, target) : $"{QuickReplies.Wording(reply, target)}: {note}"
            : note!;
        var posted = new CaseMessage(
            string.Create(CultureInfo.InvariantCulture, $"M{record.Messages.Count + 1}"),
            now,
            actor,
            message.Side,
            message.Side == MessageSide.Ed ? message.HospitalId : null,
            text,
            message.Reply,
            target);
        record.Messages.Add(posted);
        var from = posted.HospitalId is { } hospital ? $"{posted.Side} {hospital}" : posted.Side.ToString();
        record.Timeline.Add(new TimelineEntry(record.Timeline.Count + 1, now, actor, null, record.State, record.State,
            $"{posted.Id} {from}: {posted.Text}", TimelineEvent.Message));
        return new MessageOutcome(posted, null);
    }
}
