using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Cli.Simulation;

/// <summary>
/// Video frames at a chosen bitrate and frame rate, sized as a camera's encoder would make them: a key frame every
/// second about three times the size of the others. The bytes are JPEG-framed (SOI … EOI) filler, not a decodable
/// picture: what the link cares about is their size and rhythm.
/// </summary>
public sealed class SyntheticVideo(int kilobitsPerSecond, int framesPerSecond, Random random)
{
    private long frame;

    public int FramesPerSecond => framesPerSecond;

    public VideoFrame Next()
    {
        var key = frame++ % framesPerSecond == 0;

        // One key frame of weight 3 and (fps - 1) others of weight 1 share the second's bits.
        var averageBytes = kilobitsPerSecond * 1000 / 8.0 / (framesPerSecond + 2);
        var size = Math.Max(16, (int)(averageBytes * (key ? 3 : 1) * (0.9 + (random.NextDouble() * 0.2))));
        var data = new byte[size];
        random.NextBytes(data);
        (data[0], data[1], data[^2], data[^1]) = (0xFF, 0xD8, 0xFF, 0xD9);
        return new VideoFrame(key, 1280, 720, "jpeg", data);
    }
}
