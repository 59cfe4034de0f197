namespace EmergencyLink.Server.Api;

/// <param name="Text">Free text, 1 to 500 characters; with a quick reply, an optional note after its words.</param>
/// <param name="Reply">A quick reply by name (<c>Received</c>, <c>CathLabActivated</c>, <c>GoToResus</c>, <c>DivertTo</c>, …).</param>
/// <param name="ReplyTarget">The room for <c>GoToResus</c>, the hospital id for <c>DivertTo</c>.</param>
public sealed record MessageBody(string? Text, string? Reply, string? ReplyTarget);
