using EmergencyLink.Clinical.Wfdb;

namespace EmergencyLink.Clinical.Tests.Ecg;

/// <summary>Loads shared records and their reference annotations for the validation tests.</summary>
internal static class EcgData
{
    public static WfdbRecord Record(string relative) => WfdbReader.Read(SharedData.File($"ecg/{relative}.hea")[..^4]);

    public static IReadOnlyList<WfdbAnnotation> Annotations(string relative) =>
        WfdbAnnotationReader.Read(SharedData.File($"ecg/{relative}.atr"));

    public static long[] ReferenceBeats(string relative) =>
        [.. Annotations(relative).Where(a => a.IsBeat).Select(a => a.Sample)];

    /// <summary>Reference AF episodes: from each "(AFIB" rhythm change to the next rhythm change (or the record's end).</summary>
    public static List<(long Start, long End)> ReferenceAfEpisodes(string relative, long sampleCount)
    {
        var episodes = new List<(long, long)>();
        long? open = null;
        foreach (var change in Annotations(relative).Where(a => a.Rhythm is not null))
        {
            if (change.Rhythm == "AFIB")
            {
                open ??= change.Sample;
            }
            else if (open is { } start)
            {
                episodes.Add((start, change.Sample));
                open = null;
            }
        }

        if (open is { } last)
        {
            episodes.Add((last, sampleCount));
        }

        return episodes;
    }

    public static string[] CpscRecords() => RecordsIn("cpsc2021");

    public static string[] CincRecords() => RecordsIn("cinc2021");

    private static string[] RecordsIn(string database)
    {
        var folder = Path.GetDirectoryName(SharedData.File("ecg/SOURCE.md"))!;
        return [.. Directory.GetFiles(Path.Combine(folder, database), "*.hea")
            .Select(f => database + "/" + Path.GetFileNameWithoutExtension(f))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Linear-interpolation resampling, to run a recording through the detector at another rate.</summary>
    public static float[] Resample(float[] signal, double fromRate, double toRate)
    {
        var length = (int)Math.Floor((signal.Length - 1) * toRate / fromRate) + 1;
        var result = new float[length];
        for (var i = 0; i < length; i++)
        {
            var position = i * fromRate / toRate;
            var k = (int)position;
            var fraction = (float)(position - k);
            result[i] = k + 1 < signal.Length ? signal[k] + (fraction * (signal[k + 1] - signal[k])) : signal[k];
        }

        return result;
    }

    public static float[][] Leads(WfdbRecord record) => [.. record.Signals.Select(s => s.ToMillivolts())];
}
