using System.Buffers;

namespace EmergencyLink.Domain.Telemetry;

/// <summary>What makes a frame acceptable, apart from its case: the server's checks, in one place.</summary>
public static class TelemetryRules
{
    public const int MaxChannelLength = 32;

    private static readonly SearchValues<char> ChannelChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>
    /// The kind a channel id implies: <c>vitals</c> and <c>ecg</c> are themselves, every other id is a video channel
    /// (<c>video</c>, <c>ultrasound</c>, <c>dashcam</c>...), so a new camera needs no new kind.
    /// </summary>
    public static TelemetryKind KindOf(string channel) => channel switch
    {
        "vitals" => TelemetryKind.Vitals,
        "ecg" => TelemetryKind.Ecg,
        _ => TelemetryKind.Video,
    };

    /// <summary>Null when the frame is acceptable for this vehicle, else why not.</summary>
    public static string? Check(
        string? vehicleId, string? caseId, string? channel, TelemetryKind kind, long sequence, long capturedAtMicros,
        byte[]? payload, string expectedVehicle, int maxPayloadBytes)
    {
        if (vehicleId != expectedVehicle)
        {
            return $"frame is for vehicle {vehicleId}, this link is vehicle {expectedVehicle}";
        }

        if (string.IsNullOrEmpty(channel) || CheckChannel(channel) is not null)
        {
            return CheckChannel(channel)!;
        }

        if (string.IsNullOrWhiteSpace(caseId))
        {
            return "caseId is required";
        }

        if (kind != KindOf(channel))
        {
            return $"channel {channel} carries {KindOf(channel)}, not {kind}";
        }

        if (sequence < 1)
        {
            return "sequence must start at 1";
        }

        if (capturedAtMicros <= 0)
        {
            return "capture time is required";
        }

        if (payload is null || payload.Length == 0)
        {
            return "payload is empty";
        }

        if (payload.Length > maxPayloadBytes)
        {
            return $"payload of {payload.Length} bytes exceeds the limit of {maxPayloadBytes} bytes";
        }

        return TelemetryCodec.TryValidate(kind, payload, out var error) ? null : error;
    }

    /// <summary>Null when the id can name a channel, else why not; also what a guidance mark's channel must be.</summary>
    public static string? CheckChannel(string? channel) =>
        string.IsNullOrEmpty(channel) || channel.Length > MaxChannelLength || channel.AsSpan().ContainsAnyExcept(ChannelChars)
            ? $"channel must be 1–{MaxChannelLength} characters of a–z, 0–9, '-' and '_'"
            : null;
}
