using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Clinical.Synthetic;

/// <summary>
/// Video frames at a chosen bitrate and frame rate: each a real grayscale JPEG of a moving ultrasound-like view
/// (<see cref="SyntheticUltrasound"/>), sized as a camera's encoder would spend the bitrate, a key frame every second
/// about three times the size of the others. The picture is small (320×180 by default) and needs fewer bytes than
/// most bitrates give it, so each frame is padded with JPEG comment segments to its share (<see cref="GrayscaleJpeg.Pad"/>):
/// the link carries what was configured. A bitrate too low for the picture even at low quality gives frames larger
/// than their share, never a broken picture.
/// </summary>
public sealed class SyntheticVideo
{
    /// <summary>
    /// The pictures loop after this long: encoding is then paid once per picture, so a benchmark streaming many
    /// cameras at 25 frames a second measures the link, not this encoder.
    /// </summary>
    private const int LoopSeconds = 5;

    private const int Quality = 60;
    private const int LowQuality = 30;
    private readonly int kilobitsPerSecond;
    private readonly int framesPerSecond;
    private readonly Random random;
    private readonly SyntheticUltrasound picture;
    private readonly (byte[] Good, byte[]? Low)[] encoded;
    private long frame;

    public SyntheticVideo(int kilobitsPerSecond, int framesPerSecond, Random random, int width = 320, int height = 180)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(kilobitsPerSecond, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(framesPerSecond, 1);
        ArgumentNullException.ThrowIfNull(random);
        this.kilobitsPerSecond = kilobitsPerSecond;
        this.framesPerSecond = framesPerSecond;
        this.random = random;
        picture = new SyntheticUltrasound(width, height, random.Next());
        encoded = new (byte[], byte[]?)[framesPerSecond * LoopSeconds];
    }

    public int FramesPerSecond => framesPerSecond;

    public VideoFrame Next()
    {
        var index = frame++;
        var key = index % framesPerSecond == 0;

        // One key frame of weight 3 and (fps - 1) others of weight 1 share the second's bits.
        var averageBytes = kilobitsPerSecond * 1000 / 8.0 / (framesPerSecond + 2);
        var share = (int)(averageBytes * (key ? 3 : 1) * (0.9 + (random.NextDouble() * 0.2)));
        var slot = (int)(index % encoded.Length);
        var (good, low) = encoded[slot];
        if (good is null)
        {
            good = GrayscaleJpeg.Encode(picture.Draw((double)slot / framesPerSecond), picture.Width, picture.Height, Quality);
            encoded[slot] = (good, null);
        }

        var data = good;
        if (good.Length > share)
        {
            low ??= GrayscaleJpeg.Encode(picture.Draw((double)slot / framesPerSecond), picture.Width, picture.Height, LowQuality);
            encoded[slot] = (good, low);
            data = low;
        }

        return new VideoFrame(key, picture.Width, picture.Height, "jpeg", GrayscaleJpeg.Pad(data, share));
    }
}
