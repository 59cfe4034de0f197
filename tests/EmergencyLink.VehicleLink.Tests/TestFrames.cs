using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.VehicleLink.Tests;

/// <summary>Small, valid payloads of each kind, and capture times.</summary>
internal static class TestFrames
{
    public static readonly byte[] Vitals = TelemetryCodec.EncodeVitals(new VitalSigns(82, 97, 124, 78, 93, 16, 36, 36.9));

    public static byte[] Ecg(long firstSample) =>
        TelemetryCodec.EncodeEcg(new EcgBlock(500, 2.5, firstSample, [.. Enumerable.Range(0, 12).Select(lead => new short[20])]));

    public static byte[] Video(bool keyFrame, int bytes = 2000) =>
        TelemetryCodec.EncodeVideo(new VideoFrame(keyFrame, 640, 480, "jpeg", new byte[bytes]));

    public static long Micros(DateTimeOffset at) => (at - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond;

    public static long NowMicros() => Micros(DateTimeOffset.UtcNow);
}
