using Microsoft.Extensions.Logging;

namespace EmergencyLink.VehicleLink;

/// <summary>The gateway's log messages, defined once.</summary>
internal static class GatewayLog
{
    private static readonly Action<ILogger, string, int, Exception?> ConnectFailedMessage =
        LoggerMessage.Define<string, int>(LogLevel.Information, new EventId(1, "ConnectFailed"), "Vehicle {VehicleId}: connect attempt {Attempt} failed");

    private static readonly Action<ILogger, string, Exception?> ConnectedMessage =
        LoggerMessage.Define<string>(LogLevel.Information, new EventId(2, "Connected"), "Vehicle {VehicleId}: link up");

    private static readonly Action<ILogger, string, Exception?> LinkLostMessage =
        LoggerMessage.Define<string>(LogLevel.Warning, new EventId(3, "LinkLost"), "Vehicle {VehicleId}: link lost; frames on the wire go again");

    private static readonly Action<ILogger, string, int, Exception?> UploadFailedMessage =
        LoggerMessage.Define<string, int>(LogLevel.Warning, new EventId(4, "UploadFailed"), "Vehicle {VehicleId}: upload of {Frames} frames failed; they stay in the outbox");

    private static readonly Action<ILogger, int, Exception?> OutboxCommitFailedMessage =
        LoggerMessage.Define<int>(LogLevel.Error, new EventId(5, "OutboxCommitFailed"), "Outbox commit of {Writes} writes failed");

    private static readonly Action<ILogger, string, int, Exception?> FramesRejectedMessage =
        LoggerMessage.Define<string, int>(LogLevel.Warning, new EventId(6, "FramesRejected"), "Vehicle {VehicleId}: server rejected {Frames} frames; dropped");

    public static void ConnectFailed(ILogger logger, string vehicleId, int attempt, Exception error) => ConnectFailedMessage(logger, vehicleId, attempt, error);

    public static void Connected(ILogger logger, string vehicleId) => ConnectedMessage(logger, vehicleId, null);

    public static void LinkLost(ILogger logger, string vehicleId, Exception? error) => LinkLostMessage(logger, vehicleId, error);

    public static void UploadFailed(ILogger logger, string vehicleId, int frames, Exception error) => UploadFailedMessage(logger, vehicleId, frames, error);

    public static void OutboxCommitFailed(ILogger logger, int writes, Exception error) => OutboxCommitFailedMessage(logger, writes, error);

    public static void FramesRejected(ILogger logger, string vehicleId, int frames) => FramesRejectedMessage(logger, vehicleId, frames, null);
}
