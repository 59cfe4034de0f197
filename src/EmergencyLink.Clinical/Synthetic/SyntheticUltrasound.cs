namespace EmergencyLink.Clinical.Synthetic;

/// <summary>
/// A grayscale picture that looks like a point-of-care ultrasound view and moves like one: the fan of a phased-array
/// probe, speckle that darkens with depth, a bright wall and a dark chamber that fills and empties with the heartbeat.
/// Only for synthetic video: what matters is that each frame is a real, different picture a clinician can point at.
/// </summary>
public sealed class SyntheticUltrasound(int width, int height, int seed)
{
    /// <summary>Half the fan's angle, as on a cardiac probe's screen (about 90° in all).</summary>
    private const double HalfFan = 45 * Math.PI / 180;

    private const double HeartRateHz = 1.2;

    public int Width => width;

    public int Height => height;

    /// <summary>The picture at <paramref name="seconds"/> after the start, row-major, one byte a pixel.</summary>
    public byte[] Draw(double seconds)
    {
        var pixels = new byte[width * height];
        var apexX = width / 2.0;
        var depth = height * 0.96;
        // Diastole is slow filling, systole quick emptying: the chamber's size over one beat.
        var phase = (seconds * HeartRateHz) % 1.0;
        var fill = phase < 0.35 ? 1 - (phase / 0.35 * 0.45) : 0.55 + ((phase - 0.35) / 0.65 * 0.45);
        // Speckle decorrelates as the tissue moves: a new pattern a few times a second, blended for smoothness.
        var tick = seconds * 4;
        var (now, next, blend) = ((int)Math.Floor(tick), (int)Math.Floor(tick) + 1, tick - Math.Floor(tick));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var dx = x - apexX;
                var r = Math.Sqrt((dx * dx) + (y * y)) / depth;
                var angle = Math.Atan2(dx, y);
                if (r > 1 || Math.Abs(angle) > HalfFan)
                {
                    continue; // outside the fan: black, as on the machine
                }

                var ri = (int)(r * 90);
                var ai = (int)((angle + HalfFan) * 60);
                var speckle = (Noise(ri, ai, now) * (1 - blend)) + (Noise(ri, ai, next) * blend);
                var tissue = 40 + (120 * speckle);

                // The chamber: an ellipse below the middle of the fan whose height follows the beat.
                var cx = (x - apexX) / (width * 0.16);
                var cy = (y - (height * 0.55)) / (height * 0.22 * fill);
                var inChamber = (cx * cx) + (cy * cy);
                if (inChamber < 1)
                {
                    tissue *= 0.15 + (0.25 * inChamber);
                }
                else if (inChamber < 1.25)
                {
                    tissue = Math.Min(255, tissue + 90); // the wall echoes brightly
                }

                var attenuation = 1 - (0.55 * r);
                pixels[(y * width) + x] = (byte)Math.Clamp(tissue * attenuation, 0, 255);
            }
        }

        // The depth scale on the right, a tick each tenth; its marker follows the frame so even a still scene moves.
        for (var tickMark = 1; tickMark < 10; tickMark++)
        {
            var ty = (int)(depth * tickMark / 10);
            for (var x = width - 8; x < width - 3; x++)
            {
                pixels[(ty * width) + x] = 200;
            }
        }

        var marker = (int)(depth * phase);
        for (var y = Math.Max(0, marker - 1); y <= Math.Min(height - 1, marker + 1); y++)
        {
            for (var x = width - 14; x < width - 10; x++)
            {
                pixels[(y * width) + x] = 255;
            }
        }

        return pixels;
    }

    /// <summary>A smooth-enough hash noise in 0..1 per (depth cell, angle cell, pattern).</summary>
    private double Noise(int r, int a, int pattern)
    {
        var h = unchecked((uint)((r * 73_856_093) ^ (a * 19_349_663) ^ (pattern * 83_492_791) ^ (seed * 2_654_435_761u)));
        h ^= h >> 13;
        h = unchecked(h * 0x5bd1e995);
        h ^= h >> 15;
        return (h & 0xFFFF) / 65535.0;
    }
}
