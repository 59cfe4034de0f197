using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.VehicleLink;

/// <summary>Reads the one thing thinning needs from a video payload (<see cref="TelemetryCodec"/> layout): the key-frame flag.</summary>
internal static class VideoPayload
{
    /// <summary>
    /// True unless the payload is a well-formed video header with the key flag clear: thinning may only drop what it
    /// knows to be a dependent frame; anything it cannot read is kept and left to the server to judge.
    /// </summary>
    public static bool IsKeyFrame(TelemetryKind kind, byte[] payload) =>
        kind != TelemetryKind.Video || payload.Length < 2 || payload[0] != TelemetryCodec.Version || (payload[1] & 1) != 0;
}
