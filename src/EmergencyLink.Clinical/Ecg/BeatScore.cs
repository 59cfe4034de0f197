namespace EmergencyLink.Clinical.Ecg;

/// <summary>Beat-by-beat agreement of detections with reference annotations (ANSI/AAMI EC57 style).</summary>
public sealed record BeatScore(int TruePositives, int FalseNegatives, int FalsePositives)
{
    /// <summary>Se = TP / (TP + FN).</summary>
    public double Sensitivity => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>+P = TP / (TP + FP).</summary>
    public double PositivePredictivity => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public static BeatScore operator +(BeatScore left, BeatScore right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new BeatScore(
            left.TruePositives + right.TruePositives,
            left.FalseNegatives + right.FalseNegatives,
            left.FalsePositives + right.FalsePositives);
    }

    public static BeatScore Add(BeatScore left, BeatScore right) => left + right;

    /// <summary>
    /// Matches each reference beat to at most one detection, the nearest unmatched one within
    /// <paramref name="toleranceSamples"/> (EC57: 150 ms), and counts only beats in [<paramref name="from"/>,
    /// <paramref name="to"/>) — EC57 leaves out the first 5 minutes of a record as the detector's learning period.
    /// Both lists must be in ascending order.
    /// </summary>
    public static BeatScore Compare(
        IReadOnlyList<long> reference,
        IReadOnlyList<long> detected,
        long toleranceSamples,
        long from = 0,
        long to = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(detected);
        var matched = new bool[detected.Count];
        int tp = 0, fn = 0, fp = 0;
        var first = 0;
        foreach (var r in reference)
        {
            while (first < detected.Count && detected[first] < r - toleranceSamples)
            {
                first++;
            }

            var best = -1;
            for (var i = first; i < detected.Count && detected[i] <= r + toleranceSamples; i++)
            {
                if (!matched[i] && (best < 0 || Math.Abs(detected[i] - r) < Math.Abs(detected[best] - r)))
                {
                    best = i;
                }
            }

            var counted = r >= from && r < to;
            if (best >= 0)
            {
                matched[best] = true;
                if (counted)
                {
                    tp++;
                }
            }
            else if (counted)
            {
                fn++;
            }
        }

        for (var i = 0; i < detected.Count; i++)
        {
            if (!matched[i] && detected[i] >= from && detected[i] < to)
            {
                fp++;
            }
        }

        return new BeatScore(tp, fn, fp);
    }
}
