using System.Buffers.Binary;
using System.Text;

namespace EmergencyLink.Domain.Telemetry;

/// <summary>
/// The payload layouts of the vehicle link, little-endian, each starting with a layout version so either end can
/// refuse what it does not understand. Fixed-size raw layouts on the wire keep the gateway's work trivial; the
/// archive compacts ECG separately (<see cref="EcgCompaction"/>).
/// </summary>
public static class TelemetryCodec
{
    public const byte Version = 1;

    /// <summary>Vitals: version, then eight float32 (NaN where not measured) in <see cref="VitalSigns"/> order.</summary>
    public const int VitalsLength = 1 + (8 * 4);

    /// <summary>ECG header: version, lead count, rate (u16), µV per unit (f32), first sample (i64), samples per lead (u16).</summary>
    public const int EcgHeaderLength = 1 + 1 + 2 + 4 + 8 + 2;

    /// <summary>Video header: version, flags (bit 0: key frame), width (u16), height (u16), codec name length, name.</summary>
    private const int VideoFixedHeader = 1 + 1 + 2 + 2 + 1;

    public static byte[] EncodeVitals(VitalSigns v)
    {
        var bytes = new byte[VitalsLength];
        bytes[0] = Version;
        double?[] values = [v.HeartRate, v.SpO2, v.SystolicMmHg, v.DiastolicMmHg, v.MeanMmHg, v.RespiratoryRate, v.EtCO2MmHg, v.TemperatureC];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(1 + (i * 4)), (float)(values[i] ?? double.NaN));
        }

        return bytes;
    }

    public static bool TryDecodeVitals(ReadOnlySpan<byte> bytes, out VitalSigns vitals, out string? error)
    {
        vitals = new VitalSigns(null, null, null, null, null, null, null, null);
        if (bytes.Length != VitalsLength || bytes[0] != Version)
        {
            error = $"vitals payload must be {VitalsLength} bytes of layout version {Version}";
            return false;
        }

        var v = new double?[8];
        for (var i = 0; i < v.Length; i++)
        {
            var value = BinaryPrimitives.ReadSingleLittleEndian(bytes[(1 + (i * 4))..]);
            if (float.IsInfinity(value))
            {
                error = "vitals payload holds an infinite value";
                return false;
            }

            v[i] = float.IsNaN(value) ? null : Math.Round(value, 2);
        }

        vitals = new VitalSigns(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
        error = null;
        return true;
    }

    public static byte[] EncodeEcg(EcgBlock block)
    {
        var leads = block.Samples.Length;
        var n = block.SamplesPerLead;
        var bytes = new byte[EcgHeaderLength + (leads * n * 2)];
        bytes[0] = Version;
        bytes[1] = checked((byte)leads);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2), checked((ushort)block.SampleRateHz));
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4), (float)block.MicrovoltsPerUnit);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8), block.FirstSample);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(16), checked((ushort)n));
        var offset = EcgHeaderLength;
        foreach (var lead in block.Samples)
        {
            if (lead.Length != n)
            {
                throw new ArgumentException("Every lead needs the same number of samples.", nameof(block));
            }

            foreach (var sample in lead)
            {
                BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(offset), sample);
                offset += 2;
            }
        }

        return bytes;
    }

    public static bool TryDecodeEcg(ReadOnlySpan<byte> bytes, out EcgBlock block, out string? error)
    {
        block = new EcgBlock(0, 0, 0, []);
        if (!TryReadEcgHeader(bytes, out var leads, out var rate, out var gain, out var first, out var n, out error))
        {
            return false;
        }

        var samples = new short[leads][];
        var offset = EcgHeaderLength;
        for (var l = 0; l < leads; l++)
        {
            samples[l] = new short[n];
            for (var i = 0; i < n; i++, offset += 2)
            {
                samples[l][i] = BinaryPrimitives.ReadInt16LittleEndian(bytes[offset..]);
            }
        }

        block = new EcgBlock(rate, gain, first, samples);
        return true;
    }

    /// <summary>The header checks alone: every sample pattern is a valid ECG, so the ingest path need not decode them.</summary>
    private static bool TryReadEcgHeader(
        ReadOnlySpan<byte> bytes, out int leads, out int rate, out float gain, out long first, out int n, out string? error)
    {
        (leads, rate, gain, first, n) = (0, 0, 0, 0, 0);
        if (bytes.Length < EcgHeaderLength || bytes[0] != Version)
        {
            error = $"ECG payload needs a {EcgHeaderLength}-byte header of layout version {Version}";
            return false;
        }

        leads = bytes[1];
        rate = BinaryPrimitives.ReadUInt16LittleEndian(bytes[2..]);
        gain = BinaryPrimitives.ReadSingleLittleEndian(bytes[4..]);
        first = BinaryPrimitives.ReadInt64LittleEndian(bytes[8..]);
        n = BinaryPrimitives.ReadUInt16LittleEndian(bytes[16..]);
        if (leads is 0 or > 16 || rate is < 50 or > 10_000 || !(gain > 0) || float.IsInfinity(gain) || first < 0 || n == 0)
        {
            error = "ECG header out of range (1–16 leads, 50–10,000 Hz, positive gain, non-negative first sample, at least one sample)";
            return false;
        }

        if (bytes.Length != EcgHeaderLength + (leads * n * 2))
        {
            error = $"ECG payload length does not match {leads} leads × {n} samples";
            return false;
        }

        error = null;
        return true;
    }

    public static byte[] EncodeVideo(VideoFrame frame)
    {
        var codec = Encoding.ASCII.GetBytes(frame.Codec);
        var bytes = new byte[VideoFixedHeader + codec.Length + frame.Data.Length];
        bytes[0] = Version;
        bytes[1] = frame.KeyFrame ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2), checked((ushort)frame.Width));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(4), checked((ushort)frame.Height));
        bytes[6] = checked((byte)codec.Length);
        codec.CopyTo(bytes.AsSpan(VideoFixedHeader));
        frame.Data.CopyTo(bytes.AsSpan(VideoFixedHeader + codec.Length));
        return bytes;
    }

    public static bool TryDecodeVideo(ReadOnlySpan<byte> bytes, out VideoFrame frame, out string? error)
    {
        frame = new VideoFrame(false, 0, 0, "", []);
        if (bytes.Length < VideoFixedHeader || bytes[0] != Version || bytes.Length < VideoFixedHeader + bytes[6])
        {
            error = $"video payload needs a header of layout version {Version}";
            return false;
        }

        var width = BinaryPrimitives.ReadUInt16LittleEndian(bytes[2..]);
        var height = BinaryPrimitives.ReadUInt16LittleEndian(bytes[4..]);
        var codecLength = bytes[6];
        if (width == 0 || height == 0 || codecLength == 0)
        {
            error = "video header needs a width, a height and a codec name";
            return false;
        }

        frame = new VideoFrame(
            (bytes[1] & 1) != 0, width, height,
            Encoding.ASCII.GetString(bytes.Slice(VideoFixedHeader, codecLength)),
            bytes[(VideoFixedHeader + codecLength)..].ToArray());
        error = null;
        return true;
    }

    /// <summary>Checks a payload against its kind's layout without keeping the decoded value.</summary>
    public static bool TryValidate(TelemetryKind kind, ReadOnlySpan<byte> payload, out string? error) => kind switch
    {
        TelemetryKind.Vitals => TryDecodeVitals(payload, out _, out error),
        TelemetryKind.Ecg => TryReadEcgHeader(payload, out _, out _, out _, out _, out _, out error),
        TelemetryKind.Video => TryDecodeVideo(payload, out _, out error),
        _ => Fail(out error, "unknown channel kind"),
    };

    private static bool Fail(out string? error, string message)
    {
        error = message;
        return false;
    }
}
