namespace EmergencyLink.Ehr.Tests;

/// <summary>What the test EHR got, and what it answered.</summary>
public sealed record ReceivedRequest(
    string Method,
    string Path,
    string? RequestId,
    string? IfNoneExist,
    string? Authorization,
    string? ApiKey,
    string? ContentType,
    string Body,
    int Status);
