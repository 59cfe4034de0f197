using System.Buffers.Binary;

namespace EmergencyLink.Clinical.Wfdb;

/// <summary>The WFDB sample storage formats this reader decodes (signal(5)).</summary>
public static class WfdbFormats
{
    /// <summary>Formats decoded: 16, 61, 80, 160, 212, 24 and 32.</summary>
    public static IReadOnlyList<int> Supported { get; } = [16, 61, 80, 160, 212, 24, 32];

    public static bool IsSupported(int format) => Supported.Contains(format);

    /// <summary>signal(5): the most negative value of each format marks a missing ("invalid") sample.</summary>
    public static int InvalidSample(int format) => format switch
    {
        212 => -2048,
        16 or 61 or 160 => short.MinValue,
        80 => sbyte.MinValue,
        24 => -(1 << 23),
        32 => int.MinValue,
        _ => int.MinValue,
    };

    internal static int DefaultResolution(int format) => format switch
    {
        212 => 12,
        80 => 8,
        24 => 24,
        32 => 32,
        _ => 16,
    };

    /// <summary>How many bytes <paramref name="sampleCount"/> consecutive samples take (212 packs two in three).</summary>
    internal static long ByteCount(int format, long sampleCount) => format switch
    {
        212 => (sampleCount * 3 + 1) / 2,
        80 => sampleCount,
        16 or 61 or 160 => sampleCount * 2,
        24 => sampleCount * 3,
        32 => sampleCount * 4,
        _ => throw new WfdbFormatException($"Signal format {format} is not supported (supported: {string.Join(", ", Supported)})."),
    };

    /// <summary>How many whole samples fit in <paramref name="byteCount"/> bytes.</summary>
    internal static long SamplesIn(int format, long byteCount) => format switch
    {
        212 => byteCount * 2 / 3,
        80 => byteCount,
        16 or 61 or 160 => byteCount / 2,
        24 => byteCount / 3,
        32 => byteCount / 4,
        _ => throw new WfdbFormatException($"Signal format {format} is not supported (supported: {string.Join(", ", Supported)})."),
    };

    /// <summary>Decodes <paramref name="destination"/>.Length consecutive samples from <paramref name="data"/>.</summary>
    internal static void Decode(int format, ReadOnlySpan<byte> data, Span<int> destination)
    {
        var n = destination.Length;
        switch (format)
        {
            case 16:
                for (var i = 0; i < n; i++)
                {
                    destination[i] = BinaryPrimitives.ReadInt16LittleEndian(data.Slice(2 * i, 2));
                }

                break;
            case 61:
                for (var i = 0; i < n; i++)
                {
                    destination[i] = BinaryPrimitives.ReadInt16BigEndian(data.Slice(2 * i, 2));
                }

                break;
            case 160:
                for (var i = 0; i < n; i++)
                {
                    destination[i] = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(2 * i, 2)) - 32768;
                }

                break;
            case 80:
                for (var i = 0; i < n; i++)
                {
                    destination[i] = data[i] - 128;
                }

                break;
            case 24:
                for (var i = 0; i < n; i++)
                {
                    var b = data.Slice(3 * i, 3);
                    destination[i] = ((b[0] | (b[1] << 8) | (b[2] << 16)) << 8) >> 8;
                }

                break;
            case 32:
                for (var i = 0; i < n; i++)
                {
                    destination[i] = BinaryPrimitives.ReadInt32LittleEndian(data.Slice(4 * i, 4));
                }

                break;
            case 212:
                Decode212(data, destination);
                break;
            default:
                throw new WfdbFormatException($"Signal format {format} is not supported (supported: {string.Join(", ", Supported)}).");
        }
    }

    private static void Decode212(ReadOnlySpan<byte> data, Span<int> destination)
    {
        // Two 12-bit two's-complement samples in three bytes: the low byte of each, and their high nibbles in the middle
        // byte (first sample's in the low half).
        var n = destination.Length;
        var pairs = n / 2;
        for (var p = 0; p < pairs; p++)
        {
            var b0 = data[3 * p];
            var b1 = data[(3 * p) + 1];
            var b2 = data[(3 * p) + 2];
            destination[2 * p] = SignExtend12(b0 | ((b1 & 0x0F) << 8));
            destination[(2 * p) + 1] = SignExtend12(b2 | ((b1 & 0xF0) << 4));
        }

        if ((n & 1) == 1)
        {
            destination[n - 1] = SignExtend12(data[3 * pairs] | ((data[(3 * pairs) + 1] & 0x0F) << 8));
        }
    }

    private static int SignExtend12(int value) => (value << 20) >> 20;
}
