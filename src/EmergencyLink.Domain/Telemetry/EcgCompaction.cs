using System.Buffers.Binary;

namespace EmergencyLink.Domain.Telemetry;

/// <summary>
/// Lossless ECG for the archive: per lead the first sample, then sample-to-sample differences, zigzag-encoded as
/// variable-length integers. At 500 Hz consecutive samples rarely differ by more than 63 units, so most take one
/// byte instead of two: a 30-minute 12-lead transport (~18 MB raw) archives in about half.
/// </summary>
public static class EcgCompaction
{
    private const byte Version = 1;
    private const int HeaderLength = 1 + 1 + 2 + 4 + 8 + 2;

    public static byte[] Compact(EcgBlock block)
    {
        var n = block.SamplesPerLead;
        var buffer = new byte[HeaderLength + (block.Samples.Length * n * 3)];
        buffer[0] = Version;
        buffer[1] = checked((byte)block.Samples.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(2), checked((ushort)block.SampleRateHz));
        BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(4), (float)block.MicrovoltsPerUnit);
        BinaryPrimitives.WriteInt64LittleEndian(buffer.AsSpan(8), block.FirstSample);
        BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(16), checked((ushort)n));
        var offset = HeaderLength;
        foreach (var lead in block.Samples)
        {
            var previous = 0;
            foreach (var sample in lead)
            {
                var delta = sample - previous;
                previous = sample;
                var zigzag = (uint)((delta << 1) ^ (delta >> 31));
                while (zigzag >= 0x80)
                {
                    buffer[offset++] = (byte)(zigzag | 0x80);
                    zigzag >>= 7;
                }

                buffer[offset++] = (byte)zigzag;
            }
        }

        return buffer[..offset];
    }

    public static EcgBlock Expand(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderLength || bytes[0] != Version)
        {
            throw new FormatException("Not a compacted ECG block.");
        }

        var leads = bytes[1];
        var rate = BinaryPrimitives.ReadUInt16LittleEndian(bytes[2..]);
        var gain = BinaryPrimitives.ReadSingleLittleEndian(bytes[4..]);
        var first = BinaryPrimitives.ReadInt64LittleEndian(bytes[8..]);
        var n = BinaryPrimitives.ReadUInt16LittleEndian(bytes[16..]);
        var samples = new short[leads][];
        var offset = HeaderLength;
        for (var l = 0; l < leads; l++)
        {
            samples[l] = new short[n];
            var previous = 0;
            for (var i = 0; i < n; i++)
            {
                uint zigzag = 0;
                for (var shift = 0; ; shift += 7)
                {
                    if (offset >= bytes.Length || shift > 28)
                    {
                        throw new FormatException("Truncated compacted ECG block.");
                    }

                    var b = bytes[offset++];
                    zigzag |= (uint)(b & 0x7F) << shift;
                    if (b < 0x80)
                    {
                        break;
                    }
                }

                previous += (int)(zigzag >> 1) ^ -(int)(zigzag & 1);
                samples[l][i] = (short)previous;
            }
        }

        return new EcgBlock(rate, gain, first, samples);
    }
}
