using System.Buffers.Binary;

namespace EmergencyLink.Clinical.Wfdb;

/// <summary>
/// Reads a single-segment WFDB record: the header (header(5)) and its signal files (signal(5)), including signal files
/// that are MATLAB v4 .mat containers as in the PhysioNet/CinC 2021 data.
/// </summary>
public static class WfdbReader
{
    /// <summary>Reads <c>path.hea</c> and the signal files it names (resolved beside it).</summary>
    /// <param name="recordPathWithoutExtension">e.g. <c>/data/mitdb/100</c>; a trailing ".hea" is tolerated.</param>
    public static WfdbRecord Read(string recordPathWithoutExtension)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recordPathWithoutExtension);
        var basePath = recordPathWithoutExtension.EndsWith(".hea", StringComparison.OrdinalIgnoreCase)
            ? recordPathWithoutExtension[..^4]
            : recordPathWithoutExtension;
        var headerPath = basePath + ".hea";
        var header = ReadHeader(headerPath);
        var directory = Path.GetDirectoryName(Path.GetFullPath(headerPath)) ?? ".";

        var samples = new int[header.SignalCount][];
        long? frames = header.SampleCount;
        foreach (var group in GroupByFile(header))
        {
            var groupFrames = ReadGroup(directory, header, group, frames, samples);
            frames ??= groupFrames;
        }

        var signals = new WfdbSignal[header.SignalCount];
        for (var i = 0; i < header.SignalCount; i++)
        {
            signals[i] = new WfdbSignal(header.Signals[i], samples[i]);
        }

        return new WfdbRecord(header.RecordName, header.SamplingRate, frames ?? 0, signals, header.Comments);
    }

    public static WfdbHeader ReadHeader(string headerPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(headerPath);
        string text;
        try
        {
            text = File.ReadAllText(headerPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WfdbFormatException($"Cannot read WFDB header '{headerPath}': {e.Message}", e);
        }

        return WfdbHeader.Parse(text, headerPath);
    }

    private static List<int[]> GroupByFile(WfdbHeader header)
    {
        // signal(5): the signals that share a file are interleaved in header order, one frame after another.
        var groups = new List<int[]>();
        var order = new List<string>();
        var members = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < header.SignalCount; i++)
        {
            var file = header.Signals[i].FileName;
            if (!members.TryGetValue(file, out var list))
            {
                list = [];
                members[file] = list;
                order.Add(file);
            }

            list.Add(i);
        }

        foreach (var file in order)
        {
            groups.Add([.. members[file]]);
        }

        return groups;
    }

    private static long ReadGroup(string directory, WfdbHeader header, int[] group, long? frames, int[][] samples)
    {
        var first = header.Signals[group[0]];
        var format = first.Format;
        if (first.FileName == "~")
        {
            throw new WfdbFormatException($"Record {header.RecordName}: null signal files ('~') are not supported.");
        }

        foreach (var index in group)
        {
            var spec = header.Signals[index];
            if (spec.Format != format)
            {
                throw new WfdbFormatException(
                    $"Record {header.RecordName}: signals in '{spec.FileName}' mix formats {format} and {spec.Format}.");
            }
        }

        if (!WfdbFormats.IsSupported(format))
        {
            throw new WfdbFormatException(
                $"Record {header.RecordName}, file '{first.FileName}': signal format {format} is not supported " +
                $"(supported: {string.Join(", ", WfdbFormats.Supported)}).");
        }

        var path = Path.Combine(directory, first.FileName);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WfdbFormatException($"Record {header.RecordName}: cannot read signal file '{path}': {e.Message}", e);
        }

        var perFrame = 0;
        foreach (var index in group)
        {
            perFrame += header.Signals[index].SamplesPerFrame;
        }

        var offset = first.ByteOffset;
        if (path.EndsWith(".mat", StringComparison.OrdinalIgnoreCase))
        {
            CheckMatlabContainer(bytes, path, format, perFrame, offset, frames);
        }

        if (offset > bytes.Length)
        {
            throw new WfdbFormatException($"'{path}' has {bytes.Length} bytes, fewer than its byte offset {offset}.");
        }

        var available = WfdbFormats.SamplesIn(format, bytes.Length - offset) / perFrame;
        var frameCount = frames ?? available;
        if (available < frameCount)
        {
            throw new WfdbFormatException(
                $"'{path}' is truncated: the header announces {frameCount} samples per signal but the file holds " +
                $"{available} ({bytes.Length} bytes, format {format}, {perFrame} samples per frame).");
        }

        var total = checked(frameCount * perFrame);
        var stream = new int[total];
        WfdbFormats.Decode(format, bytes.AsSpan((int)offset, (int)WfdbFormats.ByteCount(format, total)), stream);

        var column = 0;
        foreach (var index in group)
        {
            var spec = header.Signals[index];
            var spf = spec.SamplesPerFrame;
            var values = new int[frameCount * spf];
            var invalid = WfdbFormats.InvalidSample(format);
            for (long f = 0; f < frameCount; f++)
            {
                // header(5) skew: this signal's sample f was stored with frame f + skew.
                var source = f + spec.Skew;
                for (var k = 0; k < spf; k++)
                {
                    values[(f * spf) + k] = source < frameCount ? stream[(source * perFrame) + column + k] : invalid;
                }
            }

            samples[index] = values;
            column += spf;
        }

        return frameCount;
    }

    private static void CheckMatlabContainer(byte[] bytes, string path, int format, int rows, long offset, long? frames)
    {
        // MATLAB v4 matrix: five int32 (type MOPT, rows, columns, imaginary flag, name length), the name, then the data
        // in column-major order. WFDB stores leads as rows and samples as columns, so each column is one WFDB frame.
        if (bytes.Length < 20)
        {
            throw new WfdbFormatException($"'{path}' is too short ({bytes.Length} bytes) for a MATLAB v4 header.");
        }

        var type = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(0, 4));
        var mrows = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4, 4));
        var ncols = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8, 4));
        var imaginary = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12, 4));
        var nameLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(16, 4));
        if (type is < 0 or >= 1000)
        {
            throw new WfdbFormatException($"'{path}': MATLAB v4 type {type} is not little-endian numeric data.");
        }

        var precision = type / 10 % 10;
        var expected = format switch { 16 => 3, 32 => 2, _ => -1 };
        if (precision != expected || type % 10 != 0 || type / 100 % 10 != 0)
        {
            throw new WfdbFormatException(
                $"'{path}': MATLAB v4 type {type} does not hold format {format} samples (int16 is type 30).");
        }

        if (imaginary != 0)
        {
            throw new WfdbFormatException($"'{path}': complex MATLAB matrices are not ECG samples.");
        }

        if (mrows != rows)
        {
            throw new WfdbFormatException($"'{path}': the matrix has {mrows} rows but the header names {rows} signals.");
        }

        if (nameLength < 1 || 20L + nameLength != offset)
        {
            throw new WfdbFormatException(
                $"'{path}': the matrix data start at byte {20L + nameLength}, not at the header's byte offset {offset}.");
        }

        if (frames is { } count && ncols < count)
        {
            throw new WfdbFormatException($"'{path}': the matrix has {ncols} columns but the header announces {count} samples.");
        }
    }
}
