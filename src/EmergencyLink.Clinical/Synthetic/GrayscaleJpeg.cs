namespace EmergencyLink.Clinical.Synthetic;

/// <summary>
/// A baseline JPEG encoder for 8-bit grayscale pictures (ITU-T T.81: one component, sequential DCT, the standard
/// luminance quantisation and Huffman tables of its annex K), so synthetic video is a picture any browser decodes
/// without an image library in the repository. Small and slow by codec standards (a plain DCT), which a few frames a
/// second of a 320×180 picture can afford.
/// </summary>
public static class GrayscaleJpeg
{
    /// <summary>The JPEG comment marker; its segments carry up to this many bytes of payload each.</summary>
    private const int MaxCommentPayload = 65_533;

    private static readonly int[] Zigzag =
    [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
    ];

    // Annex K.1, table K.1: luminance quantisation at quality 50, in natural (row-major) order.
    private static readonly int[] LuminanceQuantisation =
    [
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
    ];

    // Annex K.3, tables K.3 and K.5: code counts per length 1..16 and the symbols in code order.
    private static readonly byte[] DcBits = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
    private static readonly byte[] DcValues = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    private static readonly byte[] AcBits = [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d];

    private static readonly byte[] AcValues =
    [
        0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07,
        0x22, 0x71, 0x14, 0x32, 0x81, 0x91, 0xa1, 0x08, 0x23, 0x42, 0xb1, 0xc1, 0x15, 0x52, 0xd1, 0xf0,
        0x24, 0x33, 0x62, 0x72, 0x82, 0x09, 0x0a, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x25, 0x26, 0x27, 0x28,
        0x29, 0x2a, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49,
        0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69,
        0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89,
        0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7,
        0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5,
        0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe1, 0xe2,
        0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8,
        0xf9, 0xfa,
    ];

    private static readonly (int Code, int Length)[] DcCodes = Codes(DcBits, DcValues);
    private static readonly (int Code, int Length)[] AcCodes = Codes(AcBits, AcValues);

    /// <summary>cos((2x + 1) u π / 16), by [x * 8 + u].</summary>
    private static readonly double[] Cosines = Enumerable.Range(0, 64)
        .Select(i => Math.Cos(((2 * (i / 8)) + 1) * (i % 8) * Math.PI / 16)).ToArray();

    /// <summary>Encodes <paramref name="pixels"/> (row-major, one byte a pixel, 0 black) as a JFIF file.</summary>
    /// <param name="quality">1–100, the IJG scale of the standard table (50 is the table itself).</param>
    public static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, int quality)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, ushort.MaxValue);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, ushort.MaxValue);
        ArgumentOutOfRangeException.ThrowIfNotEqual(pixels.Length, width * height, nameof(pixels));
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);

        var table = Quantisation(quality);
        var scan = new BitWriter();
        Span<double> block = stackalloc double[64];
        Span<int> coefficients = stackalloc int[64];
        var previousDc = 0;
        for (var by = 0; by < height; by += 8)
        {
            for (var bx = 0; bx < width; bx += 8)
            {
                // Blocks past the edge repeat the last row and column, which costs the fewest bits.
                for (var y = 0; y < 8; y++)
                {
                    var row = Math.Min(by + y, height - 1) * width;
                    for (var x = 0; x < 8; x++)
                    {
                        block[(y * 8) + x] = pixels[row + Math.Min(bx + x, width - 1)] - 128.0;
                    }
                }

                Transform(block, table, coefficients);
                previousDc = WriteBlock(scan, coefficients, previousDc);
            }
        }

        var entropy = scan.Finish();
        using var file = new MemoryStream(entropy.Length + 700);
        Marker(file, 0xD8);
        Segment(file, 0xE0, [(byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        var dqt = new byte[65];
        for (var i = 0; i < 64; i++)
        {
            dqt[1 + i] = (byte)table[Zigzag[i]];
        }

        Segment(file, 0xDB, dqt);
        Segment(file, 0xC0, [8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 1, 1, 0x11, 0]);
        Segment(file, 0xC4, [0x00, .. DcBits, .. DcValues, 0x10, .. AcBits, .. AcValues]);
        Segment(file, 0xDA, [1, 1, 0x00, 0, 63, 0]);
        file.Write(entropy);
        Marker(file, 0xD9);
        return file.ToArray();
    }

    /// <summary>
    /// The same picture grown to <paramref name="toBytes"/> (within 4 bytes) by comment segments after the JFIF header,
    /// which every decoder skips: a camera's encoder spends its bitrate whatever the scene, and a link under test must
    /// carry what a real one would send. A picture already that large is returned as it is.
    /// </summary>
    public static byte[] Pad(byte[] jpeg, int toBytes)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        var missing = toBytes - jpeg.Length;
        if (missing <= 4)
        {
            return jpeg;
        }

        // After SOI and the APP0 segment, which JFIF wants first.
        var at = jpeg.Length > 4 && jpeg[2] == 0xFF && jpeg[3] == 0xE0 ? 4 + ((jpeg[4] << 8) | jpeg[5]) : 2;
        using var file = new MemoryStream(toBytes);
        file.Write(jpeg, 0, at);
        while (missing > 4)
        {
            var payload = Math.Min(MaxCommentPayload, missing - 4);
            Segment(file, 0xFE, new byte[payload]);
            missing -= payload + 4;
        }

        file.Write(jpeg, at, jpeg.Length - at);
        return file.ToArray();
    }

    private static int[] Quantisation(int quality)
    {
        var scale = quality < 50 ? 5000 / quality : 200 - (quality * 2);
        return LuminanceQuantisation.Select(q => Math.Clamp(((q * scale) + 50) / 100, 1, 255)).ToArray();
    }

    /// <summary>The 8×8 forward DCT of T.81 A.3.3, quantised: a separable sum, rows then columns.</summary>
    private static void Transform(Span<double> block, int[] table, Span<int> coefficients)
    {
        Span<double> rows = stackalloc double[64];
        for (var y = 0; y < 8; y++)
        {
            for (var u = 0; u < 8; u++)
            {
                var sum = 0.0;
                for (var x = 0; x < 8; x++)
                {
                    sum += block[(y * 8) + x] * Cosines[(x * 8) + u];
                }

                rows[(y * 8) + u] = sum * (u == 0 ? Math.Sqrt(0.5) : 1) / 2;
            }
        }

        for (var u = 0; u < 8; u++)
        {
            for (var v = 0; v < 8; v++)
            {
                var sum = 0.0;
                for (var y = 0; y < 8; y++)
                {
                    sum += rows[(y * 8) + u] * Cosines[(y * 8) + v];
                }

                var value = sum * (v == 0 ? Math.Sqrt(0.5) : 1) / 2;
                coefficients[(v * 8) + u] = (int)Math.Round(value / table[(v * 8) + u]);
            }
        }
    }

    private static int WriteBlock(BitWriter scan, ReadOnlySpan<int> coefficients, int previousDc)
    {
        var dc = coefficients[0];
        var difference = dc - previousDc;
        var size = SizeOf(difference);
        scan.Write(DcCodes[size]);
        scan.WriteValue(difference, size);

        var run = 0;
        for (var i = 1; i < 64; i++)
        {
            var ac = coefficients[Zigzag[i]];
            if (ac == 0)
            {
                run++;
                continue;
            }

            for (; run > 15; run -= 16)
            {
                scan.Write(AcCodes[0xF0]); // sixteen zeros
            }

            var acSize = SizeOf(ac);
            scan.Write(AcCodes[(run << 4) | acSize]);
            scan.WriteValue(ac, acSize);
            run = 0;
        }

        if (run > 0)
        {
            scan.Write(AcCodes[0x00]); // end of block
        }

        return dc;
    }

    /// <summary>The magnitude category of T.81 F.1.2.1: the bits needed for |value|.</summary>
    private static int SizeOf(int value)
    {
        var magnitude = Math.Abs(value);
        var size = 0;
        while (magnitude > 0)
        {
            size++;
            magnitude >>= 1;
        }

        return size;
    }

    /// <summary>The canonical Huffman codes of T.81 annex C, by symbol.</summary>
    private static (int Code, int Length)[] Codes(byte[] bits, byte[] values)
    {
        var codes = new (int, int)[256];
        var code = 0;
        var k = 0;
        for (var length = 1; length <= 16; length++)
        {
            for (var i = 0; i < bits[length - 1]; i++)
            {
                codes[values[k++]] = (code++, length);
            }

            code <<= 1;
        }

        return codes;
    }

    private static void Marker(Stream file, byte marker)
    {
        file.WriteByte(0xFF);
        file.WriteByte(marker);
    }

    private static void Segment(Stream file, byte marker, ReadOnlySpan<byte> payload)
    {
        Marker(file, marker);
        var length = payload.Length + 2;
        file.WriteByte((byte)(length >> 8));
        file.WriteByte((byte)length);
        file.Write(payload);
    }

    private sealed class BitWriter
    {
        private readonly MemoryStream bytes = new();
        private int buffer;
        private int count;

        public void Write((int Code, int Length) code) => Append(code.Code, code.Length);

        /// <summary>T.81 F.1.2.1: a negative value is written as value − 1 in its low <paramref name="size"/> bits.</summary>
        public void WriteValue(int value, int size)
        {
            if (size > 0)
            {
                Append(value < 0 ? value + (1 << size) - 1 : value, size);
            }
        }

        public byte[] Finish()
        {
            if (count > 0)
            {
                Append((1 << (8 - count)) - 1, 8 - count); // pad the last byte with ones
            }

            return bytes.ToArray();
        }

        private void Append(int bits, int length)
        {
            for (var i = length - 1; i >= 0; i--)
            {
                buffer = (buffer << 1) | ((bits >> i) & 1);
                if (++count == 8)
                {
                    bytes.WriteByte((byte)buffer);
                    if (buffer == 0xFF)
                    {
                        bytes.WriteByte(0x00); // a data 0xFF is stuffed, so it is not read as a marker
                    }

                    buffer = 0;
                    count = 0;
                }
            }
        }
    }
}
