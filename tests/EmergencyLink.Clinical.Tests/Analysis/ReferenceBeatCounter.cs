namespace EmergencyLink.Clinical.Tests.Analysis;

/// <summary>
/// An independent beat count for short multi-lead records, written only for the validation tests and sharing nothing
/// with the library's Pan-Tompkins detector: the spatial velocity (sum over leads of |x[n+4 ms] - x[n-4 ms]|),
/// smoothed over 40 ms, whose peaks above 30 % of its 99th percentile and at least 250 ms apart are QRS complexes.
/// QRS slopes are many times steeper than P and T waves, which is why one fixed fraction separates them. It was
/// checked against hand counts of lead II plots (docs/clinical-validation.md names the records).
/// </summary>
internal static class ReferenceBeatCounter
{
    public static long[] Detect(IReadOnlyList<float[]> leads, double samplingRate)
    {
        var length = leads[0].Length;
        var k = Math.Max(1, (int)Math.Round(0.004 * samplingRate));
        var velocity = new double[length];
        foreach (var lead in leads)
        {
            for (var n = k; n < length - k; n++)
            {
                velocity[n] += Math.Abs(lead[n + k] - lead[n - k]);
            }
        }

        var half = Math.Max(1, (int)Math.Round(0.020 * samplingRate));
        var smooth = new double[length];
        double sum = 0;
        for (var n = 0; n < length; n++)
        {
            sum += velocity[n];
            if (n >= 2 * half + 1)
            {
                sum -= velocity[n - 2 * half - 1];
            }

            if (n >= half)
            {
                smooth[n - half] = sum / (2 * half + 1);
            }
        }

        var sorted = smooth.Order().ToArray();
        var threshold = 0.3 * sorted[(int)(0.99 * (sorted.Length - 1))];
        var refractory = (int)Math.Round(0.250 * samplingRate);
        var peaks = new List<long>();
        var n0 = 0;
        while (n0 < length)
        {
            if (smooth[n0] < threshold)
            {
                n0++;
                continue;
            }

            // The largest value of this supra-threshold stretch and the 250 ms after its start is the beat.
            var best = n0;
            for (var n = n0; n < Math.Min(length, n0 + refractory); n++)
            {
                if (smooth[n] > smooth[best])
                {
                    best = n;
                }
            }

            if (peaks.Count == 0 || best - peaks[^1] >= refractory)
            {
                peaks.Add(best);
            }

            n0 = best + refractory;
        }

        return [.. peaks];
    }

    /// <summary>60 × (beats − 1) / time from the first to the last beat; null with fewer than two.</summary>
    public static double? MeanBpm(IReadOnlyList<long> beats, double samplingRate) =>
        beats.Count >= 2 ? 60.0 * (beats.Count - 1) * samplingRate / (beats[^1] - beats[0]) : null;
}
