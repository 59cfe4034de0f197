namespace EmergencyLink.Domain.Messaging;

/// <summary>
/// One message between the ED, the crew and dispatch about a case. Messages are appended, never changed: what the crew
/// was told is part of the record.
/// </summary>
/// <param name="Id">Stable within the case: "M1", "M2", … in the order written.</param>
/// <param name="At">When the server accepted it (UTC).</param>
/// <param name="Author">The authenticated user.</param>
/// <param name="HospitalId">The writing ED's hospital; null for the crew and dispatch.</param>
/// <param name="Text">What the reader sees: the reply's words (and note) for a quick reply.</param>
/// <param name="Reply">The quick reply, or null for free text.</param>
/// <param name="ReplyTarget">The resus room or hospital id the quick reply names.</param>
public sealed record CaseMessage(
    string Id,
    DateTimeOffset At,
    string Author,
    MessageSide Side,
    string? HospitalId,
    string Text,
    QuickReply? Reply,
    string? ReplyTarget);
