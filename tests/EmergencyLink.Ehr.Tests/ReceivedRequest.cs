namespace EmergencyLink.Ehr.Tests;

/// <summary>What the test EHR got, and what it answered.</summary>
/// <param name="Sender">The <c>X-Sender</c> header, which tests set per push service to tell nodes apart.</param>
public sealed record ReceivedRequest(
    string Method,
    string Path,
    string? RequestId,
    string? IfNoneExist,
    string? Authorization,
    string? ApiKey,
    string? ContentType,
    string Body,
    int Status,
    string? Sender = null);
