using Microsoft.Extensions.Logging;

namespace EmergencyLink.Ehr;

/// <summary>The EHR push's log messages, defined once.</summary>
internal static class EhrLog
{
    private static readonly Action<ILogger, int, Exception?> OutboxCommitFailedMessage =
        LoggerMessage.Define<int>(LogLevel.Error, new EventId(1, "EhrOutboxCommitFailed"), "EHR outbox commit of {Writes} writes failed");

    private static readonly Action<ILogger, string, string, int, int, string, Exception?> AttemptFailedMessage =
        LoggerMessage.Define<string, string, int, int, string>(LogLevel.Warning, new EventId(2, "EhrAttemptFailed"),
            "EHR push to {HospitalId}: case {CaseId} version {Version} failed (attempt {Attempt}), will retry: {Error}");

    private static readonly Action<ILogger, string, string, int, int, string, Exception?> RejectedMessage =
        LoggerMessage.Define<string, string, int, int, string>(LogLevel.Error, new EventId(3, "EhrRejected"),
            "EHR push to {HospitalId}: case {CaseId} version {Version} rejected with {StatusCode}, set aside: {Outcome}");

    private static readonly Action<ILogger, string, string, int, Exception?> DeliveredMessage =
        LoggerMessage.Define<string, string, int>(LogLevel.Information, new EventId(4, "EhrDelivered"),
            "EHR push to {HospitalId}: case {CaseId} version {Version} delivered");

    private static readonly Action<ILogger, string, int, Exception?> UnconfiguredPendingMessage =
        LoggerMessage.Define<string, int>(LogLevel.Warning, new EventId(5, "EhrUnconfiguredPending"),
            "EHR outbox holds {Count} documents for hospital {HospitalId}, which has no EHR configured; they wait until it has");

    private static readonly Action<ILogger, string, Exception?> SenderFailedMessage =
        LoggerMessage.Define<string>(LogLevel.Error, new EventId(6, "EhrSenderFailed"), "EHR push to {HospitalId}: the sender failed; it backs off and goes on");

    private static readonly Action<ILogger, string, string, int, Exception?> StaleMessage =
        LoggerMessage.Define<string, string, int>(LogLevel.Warning, new EventId(7, "EhrStale"),
            "EHR push to {HospitalId}: case {CaseId} version {Version} dropped, a newer version was already queued");

    private static readonly Action<ILogger, Exception?> ElectionFailedMessage =
        LoggerMessage.Define(LogLevel.Warning, new EventId(8, "EhrElectionFailed"),
            "EHR sender election: the PostgreSQL session failed; this node's sender rights are dropped and claimed again");

    private static readonly Action<ILogger, string, Exception?> SenderClaimedMessage =
        LoggerMessage.Define<string>(LogLevel.Information, new EventId(9, "EhrSenderClaimed"), "EHR push to {HospitalId}: this node is now its sender");

    private static readonly Action<ILogger, string, Exception?> SenderLostMessage =
        LoggerMessage.Define<string>(LogLevel.Warning, new EventId(10, "EhrSenderLost"),
            "EHR push to {HospitalId}: this node lost its sender right; it stops sending and tries to claim it again");

    private static readonly Action<ILogger, Exception?> PendingScanFailedMessage =
        LoggerMessage.Define(LogLevel.Warning, new EventId(11, "EhrPendingScanFailed"), "EHR outbox could not be read at start");

    private static readonly Action<ILogger, Exception?> ListenFailedMessage =
        LoggerMessage.Define(LogLevel.Warning, new EventId(12, "EhrListenFailed"),
            "EHR wake-ups: the PostgreSQL LISTEN session failed; it is made again after a pause, and senders poll meanwhile");

    public static void ListenFailed(ILogger logger, Exception error) => ListenFailedMessage(logger, error);

    public static void ElectionFailed(ILogger logger, Exception error) => ElectionFailedMessage(logger, error);

    public static void SenderClaimed(ILogger logger, string hospitalId) => SenderClaimedMessage(logger, hospitalId, null);

    public static void SenderLost(ILogger logger, string hospitalId) => SenderLostMessage(logger, hospitalId, null);

    public static void PendingScanFailed(ILogger logger, Exception error) => PendingScanFailedMessage(logger, error);

    public static void OutboxCommitFailed(ILogger logger, int writes, Exception error) => OutboxCommitFailedMessage(logger, writes, error);

    public static void AttemptFailed(ILogger logger, EhrPendingDocument document, int attempt, string error) =>
        AttemptFailedMessage(logger, document.HospitalId, document.CaseId, document.Version, attempt, error, null);

    public static void Rejected(ILogger logger, EhrPendingDocument document, int statusCode, string outcome) =>
        RejectedMessage(logger, document.HospitalId, document.CaseId, document.Version, statusCode, outcome, null);

    public static void Delivered(ILogger logger, EhrPendingDocument document) =>
        DeliveredMessage(logger, document.HospitalId, document.CaseId, document.Version, null);

    public static void UnconfiguredPending(ILogger logger, string hospitalId, int count) => UnconfiguredPendingMessage(logger, hospitalId, count, null);

    public static void SenderFailed(ILogger logger, string hospitalId, Exception error) => SenderFailedMessage(logger, hospitalId, error);

    public static void Stale(ILogger logger, EhrDocument document) => StaleMessage(logger, document.HospitalId, document.CaseId, document.Version, null);
}
