namespace EmergencyLink.Ehr;

/// <param name="Detail">For failures, what went wrong; for rejections, the receiver's OperationOutcome text if any.</param>
/// <param name="RetryAfter">The receiver's Retry-After, if it gave one.</param>
internal sealed record EhrSendResult(EhrSendOutcome Outcome, int? StatusCode, string Detail, TimeSpan? RetryAfter = null);
