using EmergencyLink.Domain.Cases;

namespace EmergencyLink.Domain.Messaging;

/// <summary>What each quick reply says, who may send it, and what it needs.</summary>
public static class QuickReplies
{
    public const int MaxTargetLength = 64;

    /// <summary>Whether the reply names something: the resus room, the hospital to divert to.</summary>
    public static bool NeedsTarget(QuickReply reply) => reply is QuickReply.GoToResus or QuickReply.DivertTo;

    /// <summary>
    /// Replies that commit hospital resources or send the crew somewhere are the ED's to give (dispatch may also ask for a
    /// diversion, it sees the region); anyone may acknowledge.
    /// </summary>
    public static bool MayBeSentBy(QuickReply reply, MessageSide side) => reply switch
    {
        QuickReply.Received => true,
        QuickReply.DivertTo => side is MessageSide.Ed or MessageSide.Dispatch,
        _ => side == MessageSide.Ed,
    };

    /// <summary>The reply in words, as the crew's screen and the timeline show it.</summary>
    public static string Wording(QuickReply reply, string? target) => reply switch
    {
        QuickReply.Received => "Received",
        QuickReply.CathLabActivated => "Cath lab activated",
        QuickReply.StrokeTeamWaiting => "Stroke team waiting",
        QuickReply.TraumaTeamWaiting => "Trauma team waiting",
        QuickReply.GoToResus => $"Go to resus {target}",
        QuickReply.DivertTo => $"Divert to {target}",
        _ => reply.ToString(),
    };

    /// <summary>The replies a side may send, in the order a screen shows them.</summary>
    public static IReadOnlyList<QuickReply> For(MessageSide side) =>
        Enum.GetValues<QuickReply>().Where(r => MayBeSentBy(r, side)).ToArray();

    internal static bool IsWellFormedTarget(string target) =>
        target.Length <= MaxTargetLength && target.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ' ');

    internal static bool Ends(CaseState state) => state is CaseState.Closed or CaseState.Cancelled;
}
