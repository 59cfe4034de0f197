namespace EmergencyLink.Domain.Messaging;

/// <summary>A message as written, before the case stamps it.</summary>
/// <param name="Side">Which end writes; the server decides it from the user's role, never from the body.</param>
/// <param name="HospitalId">The ED's hospital when <paramref name="Side"/> is <see cref="MessageSide.Ed"/>.</param>
/// <param name="Text">Free text; optional with a quick reply, where it is added as a note after the reply's words.</param>
/// <param name="Reply">A quick reply, or null for free text.</param>
/// <param name="ReplyTarget">The resus room or the hospital id a quick reply names.</param>
public sealed record NewCaseMessage(MessageSide Side, string? HospitalId, string? Text, QuickReply? Reply = null, string? ReplyTarget = null);
