using System.Globalization;

namespace EmergencyLink.Clinical.Wfdb;

/// <summary>
/// A parsed WFDB header file (PhysioNet header(5)): the record line, one line per signal and the '#' comments.
/// Single-segment records only.
/// </summary>
public sealed record WfdbHeader(
    string RecordName,
    int SignalCount,
    double SamplingRate,
    long? SampleCount,
    IReadOnlyList<WfdbSignalSpec> Signals,
    IReadOnlyList<string> Comments)
{
    /// <summary>header(5): the sampling frequency when the record line omits it.</summary>
    public const double DefaultSamplingRate = 250;

    public static WfdbHeader Parse(string text, string source = "header")
    {
        ArgumentNullException.ThrowIfNull(text);
        var comments = new List<string>();
        var content = new List<string>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] == '#')
            {
                comments.Add(line[1..].Trim());
                continue;
            }

            content.Add(line);
        }

        if (content.Count == 0)
        {
            throw new WfdbFormatException($"{source}: no record line.");
        }

        var record = Tokens(content[0]);
        if (record.Length < 2)
        {
            throw new WfdbFormatException($"{source}: record line '{content[0]}' needs a name and a signal count.");
        }

        if (record[0].Contains('/', StringComparison.Ordinal))
        {
            throw new WfdbFormatException($"{source}: multi-segment record '{record[0]}' is not supported.");
        }

        var signalCount = ParseInt(record[1], source, "signal count");
        var samplingRate = DefaultSamplingRate;
        if (record.Length > 2)
        {
            // "fs[/counter[(base)]]": only the sampling frequency matters here.
            var field = record[2];
            var cut = field.IndexOfAny(['/', '(']);
            samplingRate = ParseDouble(cut < 0 ? field : field[..cut], source, "sampling frequency");
            if (samplingRate <= 0)
            {
                throw new WfdbFormatException($"{source}: sampling frequency must be positive, was {field}.");
            }
        }

        long? sampleCount = record.Length > 3 ? ParseLong(record[3], source, "sample count") : null;
        if (content.Count - 1 < signalCount)
        {
            throw new WfdbFormatException(
                $"{source}: the record line announces {signalCount} signals but {content.Count - 1} signal lines follow.");
        }

        var signals = new List<WfdbSignalSpec>(signalCount);
        for (var i = 0; i < signalCount; i++)
        {
            signals.Add(ParseSignal(content[i + 1], source));
        }

        return new WfdbHeader(record[0], signalCount, samplingRate, sampleCount, signals, comments);
    }

    private static WfdbSignalSpec ParseSignal(string line, string source)
    {
        // Eight whitespace-separated fields, then the description, which may itself contain blanks.
        var fields = new List<string>();
        var rest = line.AsSpan().Trim();
        while (fields.Count < 8 && rest.Length > 0)
        {
            var end = rest.IndexOfAny(' ', '\t');
            if (end < 0)
            {
                fields.Add(rest.ToString());
                rest = [];
                break;
            }

            fields.Add(rest[..end].ToString());
            rest = rest[end..].TrimStart();
        }

        var description = rest.ToString().Trim();
        if (fields.Count < 2)
        {
            throw new WfdbFormatException($"{source}: signal line '{line}' needs a file name and a format.");
        }

        var (format, samplesPerFrame, skew, byteOffset) = ParseFormat(fields[1], source);
        var gain = WfdbSignal.DefaultGain;
        int? baseline = null;
        var units = "mV";
        if (fields.Count > 2)
        {
            (gain, baseline, units) = ParseGain(fields[2], source);
        }

        var resolution = fields.Count > 3 ? ParseInt(fields[3], source, "ADC resolution") : WfdbFormats.DefaultResolution(format);
        var adcZero = fields.Count > 4 ? ParseInt(fields[4], source, "ADC zero") : 0;
        int? initial = fields.Count > 5 ? ParseInt(fields[5], source, "initial value") : null;
        int? checksum = fields.Count > 6 ? ParseInt(fields[6], source, "checksum") : null;
        var blockSize = fields.Count > 7 ? ParseInt(fields[7], source, "block size") : 0;
        return new WfdbSignalSpec(
            fields[0],
            format,
            samplesPerFrame,
            skew,
            byteOffset,
            gain,
            baseline ?? adcZero, // header(5): a missing baseline equals the ADC zero.
            units,
            resolution,
            adcZero,
            initial,
            checksum,
            blockSize,
            description);
    }

    private static (int Format, int SamplesPerFrame, int Skew, long ByteOffset) ParseFormat(string field, string source)
    {
        // "format[xsamples-per-frame][:skew][+byte-offset]", e.g. "212", "16x1+24".
        var i = 0;
        var format = ReadDigits(field, ref i, source, "format");
        var samplesPerFrame = 1;
        var skew = 0;
        long offset = 0;
        while (i < field.Length)
        {
            var tag = field[i++];
            var value = ReadDigits(field, ref i, source, $"'{tag}' part of format '{field}'");
            switch (tag)
            {
                case 'x':
                    samplesPerFrame = (int)value;
                    break;
                case ':':
                    skew = (int)value;
                    break;
                case '+':
                    offset = value;
                    break;
                default:
                    throw new WfdbFormatException($"{source}: cannot read format field '{field}'.");
            }
        }

        if (samplesPerFrame < 1)
        {
            throw new WfdbFormatException($"{source}: samples per frame must be at least 1 in '{field}'.");
        }

        return ((int)format, samplesPerFrame, skew, offset);
    }

    private static long ReadDigits(string field, ref int i, string source, string what)
    {
        var start = i;
        while (i < field.Length && char.IsAsciiDigit(field[i]))
        {
            i++;
        }

        if (i == start)
        {
            throw new WfdbFormatException($"{source}: expected a number for the {what} in '{field}'.");
        }

        return long.Parse(field.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static (double Gain, int? Baseline, string Units) ParseGain(string field, string source)
    {
        // "gain[(baseline)][/units]", e.g. "200", "1000.0(0)/mV", "31132.34(-166854)/mV".
        var slash = field.IndexOf('/', StringComparison.Ordinal);
        var units = "mV";
        var head = field;
        if (slash >= 0)
        {
            units = field[(slash + 1)..];
            head = field[..slash];
        }

        int? baseline = null;
        var open = head.IndexOf('(', StringComparison.Ordinal);
        if (open >= 0)
        {
            var close = head.IndexOf(')', open);
            if (close < 0)
            {
                throw new WfdbFormatException($"{source}: unclosed baseline in gain field '{field}'.");
            }

            baseline = ParseInt(head[(open + 1)..close], source, "baseline");
            head = head[..open];
        }

        var gain = ParseDouble(head, source, "ADC gain");
        if (gain == 0)
        {
            gain = WfdbSignal.DefaultGain;
        }

        return (gain, baseline, units);
    }

    private static string[] Tokens(string line) =>
        line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

    private static int ParseInt(string text, string source, string what) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new WfdbFormatException($"{source}: {what} '{text}' is not an integer.");

    private static long ParseLong(string text, string source, string what) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new WfdbFormatException($"{source}: {what} '{text}' is not an integer.");

    private static double ParseDouble(string text, string source, string what) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new WfdbFormatException($"{source}: {what} '{text}' is not a number.");
}
