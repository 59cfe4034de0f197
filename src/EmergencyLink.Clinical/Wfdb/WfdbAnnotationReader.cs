using System.Text;

namespace EmergencyLink.Clinical.Wfdb;

/// <summary>Reads WFDB annotation files in MIT format (annot(5)).</summary>
public static class WfdbAnnotationReader
{
    public static IReadOnlyList<WfdbAnnotation> Read(string atrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(atrPath);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(atrPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WfdbFormatException($"Cannot read annotation file '{atrPath}': {e.Message}", e);
        }

        return Parse(bytes, atrPath);
    }

    /// <summary>
    /// Decodes MIT-format annotations. Each 16-bit little-endian word holds a 6-bit code A and a 10-bit field I:
    /// A in 1..49 is an annotation I samples after the previous one; SKIP (59) adds the 32-bit interval that follows
    /// to the next one; NUM, SUB, CHN (60-62) set fields of the annotation just read (NUM and CHN also of the ones
    /// after it); AUX (63) attaches I bytes of text (padded to even); A = 0 with I = 0 ends the file.
    /// </summary>
    public static IReadOnlyList<WfdbAnnotation> Parse(ReadOnlySpan<byte> bytes, string source = "annotations")
    {
        var result = new List<WfdbAnnotation>();
        long time = 0;
        var number = 0;
        var channel = 0;
        var position = 0;
        var ended = false;

        // The annotation being assembled: its code word comes first, then the pseudo-codes that modify it.
        var open = false;
        long sample = 0;
        var code = 0;
        var subtype = 0;
        var ownNumber = 0;
        var ownChannel = 0;
        string? aux = null;
        while (position + 1 < bytes.Length)
        {
            var word = bytes[position] | (bytes[position + 1] << 8);
            position += 2;
            var type = word >> 10;
            var field = word & 0x3FF;
            if (type == 0 && field == 0)
            {
                ended = true;
                break;
            }

            switch (type)
            {
                case WfdbAnnotationCodes.Skip:
                    if (position + 4 > bytes.Length)
                    {
                        throw new WfdbFormatException($"{source}: truncated SKIP at byte {position - 2}.");
                    }

                    // The interval is a PDP-11 long: high 16-bit word first, each word little-endian.
                    var high = bytes[position] | (bytes[position + 1] << 8);
                    var low = bytes[position + 2] | (bytes[position + 3] << 8);
                    time += (int)((uint)(high << 16) | (uint)low);
                    position += 4;
                    break;
                case WfdbAnnotationCodes.Num:
                    number = SignExtend10(field);
                    ownNumber = number;
                    break;
                case WfdbAnnotationCodes.Sub:
                    RequireOpen(open, source, "SUB", position);
                    subtype = SignExtend10(field);
                    break;
                case WfdbAnnotationCodes.Chn:
                    channel = field;
                    ownChannel = channel;
                    break;
                case WfdbAnnotationCodes.Aux:
                    RequireOpen(open, source, "AUX", position);
                    if (position + field > bytes.Length)
                    {
                        throw new WfdbFormatException($"{source}: auxiliary text of {field} bytes runs past the end of the file.");
                    }

                    aux = Encoding.Latin1.GetString(bytes.Slice(position, field)).TrimEnd('\0');
                    position += field + (field & 1);
                    break;
                default:
                    if (open)
                    {
                        result.Add(new WfdbAnnotation(sample, WfdbAnnotationCodes.Symbol(code), subtype, ownChannel, ownNumber, aux));
                    }

                    time += field;
                    open = true;
                    sample = time;
                    code = type;
                    subtype = 0;
                    ownNumber = number;
                    ownChannel = channel;
                    aux = null;
                    break;
            }
        }

        if (open)
        {
            result.Add(new WfdbAnnotation(sample, WfdbAnnotationCodes.Symbol(code), subtype, ownChannel, ownNumber, aux));
        }

        if (!ended && position < bytes.Length)
        {
            throw new WfdbFormatException($"{source}: odd trailing byte; the file is truncated.");
        }

        return result;
    }

    private static int SignExtend10(int value) => (value << 22) >> 22;

    private static void RequireOpen(bool open, string source, string what, int position)
    {
        if (!open)
        {
            throw new WfdbFormatException($"{source}: {what} at byte {position - 2} before any annotation.");
        }
    }
}
