namespace EmergencyLink.Clinical.Ecg;

/// <summary>RR intervals and heart rate from beat sample numbers.</summary>
public static class HeartRate
{
    /// <summary>The RR intervals in seconds: element i is beats[i + 1] − beats[i].</summary>
    public static double[] RrIntervalsSeconds(IReadOnlyList<long> beats, double samplingRate)
    {
        ArgumentNullException.ThrowIfNull(beats);
        if (beats.Count < 2)
        {
            return [];
        }

        var result = new double[beats.Count - 1];
        for (var i = 1; i < beats.Count; i++)
        {
            result[i - 1] = (beats[i] - beats[i - 1]) / samplingRate;
        }

        return result;
    }

    public static double BeatsPerMinute(double rrSeconds) => 60 / rrSeconds;

    /// <summary>60 / median RR of the beats in [<paramref name="fromSample"/>, <paramref name="toSample"/>]; null with fewer than two beats.</summary>
    public static double? MedianBpm(IReadOnlyList<long> beats, double samplingRate, long fromSample, long toSample)
    {
        ArgumentNullException.ThrowIfNull(beats);
        var rr = new List<double>();
        for (var i = 1; i < beats.Count; i++)
        {
            if (beats[i - 1] >= fromSample && beats[i] <= toSample)
            {
                rr.Add((beats[i] - beats[i - 1]) / samplingRate);
            }
        }

        return rr.Count == 0 ? null : 60 / Median(rr);
    }

    /// <summary>60 / median of the last <paramref name="intervals"/> RR intervals; null with fewer than two beats.</summary>
    public static double? CurrentBpm(IReadOnlyList<long> beats, double samplingRate, int intervals = 8)
    {
        ArgumentNullException.ThrowIfNull(beats);
        if (beats.Count < 2)
        {
            return null;
        }

        var rr = new List<double>();
        for (var i = Math.Max(1, beats.Count - intervals); i < beats.Count; i++)
        {
            rr.Add((beats[i] - beats[i - 1]) / samplingRate);
        }

        return 60 / Median(rr);
    }

    internal static double Median(List<double> values)
    {
        values.Sort();
        var n = values.Count;
        return (n & 1) == 1 ? values[n / 2] : 0.5 * (values[(n / 2) - 1] + values[n / 2]);
    }
}
