namespace EmergencyLink.Clinical.Ecg;

/// <summary>
/// Finds the RR intervals that premature beats explain, so that what is left is the sinus (or fibrillating) rhythm
/// underneath. A premature beat that keeps the underlying rhythm leaves a timing signature: a ventricular premature
/// beat with a full compensatory pause makes coupling + pause = 2 sinus cycles (bigeminy and trigeminy are this,
/// repeated), a couplet makes its three intervals 2 or 3 cycles, and an atrial premature beat resets the sinus node so
/// the interval after it is about one cycle again. Atrial
/// fibrillation has no underlying cycle, so only a minority of its intervals fit by chance.
/// </summary>
public static class EctopicIntervals
{
    /// <summary>
    /// An interval under 80 % of the sinus cycle ends a premature beat: the prematurity Holter analysis commonly uses
    /// for premature atrial and ventricular complexes is a beat at least 20 % early (80-85 % of the preceding cycle);
    /// the stricter end, because fast AF has many intervals a little shorter than its median.
    /// </summary>
    public const double PrematureFraction = 0.80;

    /// <summary>
    /// An interval must match the cycle within 10 % of it (about 60-100 ms at 60-100/min), and a sum of intervals
    /// spanning m cycles within 10 % × √m, since the sinus cycle's own variability (respiratory sinus arrhythmia) adds up
    /// over the cycles like independent errors.
    /// </summary>
    public const double CycleTolerance = 0.10;

    /// <summary>Premature intervals in a row that one compensated run may hold: a couplet (three are ventricular tachycardia).</summary>
    public const int LongestRun = 2;

    /// <summary>
    /// Gives in <paramref name="roles"/> the role of every interval of <paramref name="rr"/>, given the underlying sinus
    /// <paramref name="cycle"/> (same unit as the intervals). Returns how many intervals premature beats account for.
    /// </summary>
    public static int Mark(ReadOnlySpan<double> rr, double cycle, Span<IntervalRole> roles) =>
        Mark(rr, cycle, roles, 0, rr.Length);

    /// <summary>
    /// As <see cref="Mark(ReadOnlySpan{double}, double, Span{IntervalRole})"/>, choosing the grouping that leaves the
    /// fewest intervals off the cycle (premature or prolonged) in [<paramref name="from"/>, <paramref name="to"/>), then
    /// the one that explains the most; the intervals outside that range are context (a group may begin there).
    /// </summary>
    public static int Mark(ReadOnlySpan<double> rr, double cycle, Span<IntervalRole> roles, int from, int to)
    {
        roles.Clear();
        var n = rr.Length;
        var band = (1 - PrematureFraction) * cycle;

        // Dynamic programming from the end rather than the first group that fits: a series that begins inside a couplet
        // would otherwise pair the wrong intervals all the way along. Score: explained intervals, less a large penalty
        // for every interval in the range left off the cycle.
        const int OffCyclePenalty = 1000;
        Span<int> best = n < 256 ? stackalloc int[n + 1] : new int[n + 1];
        Span<byte> choice = n < 256 ? stackalloc byte[n + 1] : new byte[n + 1];
        best[n] = 0;
        for (var k = n - 1; k >= 0; k--)
        {
            var offCycle = k >= from && k < to && Math.Abs(rr[k] - cycle) > band;
            best[k] = best[k + 1] - (offCycle ? OffCyclePenalty : 0);
            choice[k] = 0;
            var fits = Fits(rr, k, cycle);
            for (var span = 1; span <= LongestRun + 1; span++)
            {
                if ((fits & (1 << span)) != 0 && span + best[k + span] >= best[k])
                {
                    best[k] = span + best[k + span];
                    choice[k] = (byte)span;
                }
            }
        }

        var marked = 0;
        for (var k = 0; k < n;)
        {
            var span = choice[k];
            if (span == 0)
            {
                k++;
                continue;
            }

            roles.Slice(k, span).Fill(IntervalRole.Ectopic);
            if (rr[k] < PrematureFraction * cycle)
            {
                roles[k] = IntervalRole.Coupling;
            }

            marked += span;
            k += span;
        }

        return marked;
    }

    /// <summary>Bit s set: the s intervals from <paramref name="k"/> on are explained as one group.</summary>
    private static int Fits(ReadOnlySpan<double> rr, int k, double cycle)
    {
        var premature = PrematureFraction * cycle;
        var tolerance = CycleTolerance * cycle;
        if (Math.Abs(rr[k] - (2 * cycle)) <= tolerance)
        {
            // Two cycles in one interval: a beat the detector missed, most often a small premature beat with its full
            // compensatory pause (an AF interval is rarely twice the median).
            return 1 << 1;
        }

        if (rr[k] >= premature)
        {
            return 0;
        }

        // A single premature beat or a couplet and the interval after it span two or three cycles: the sinus rhythm went
        // on underneath (full compensatory pause; bigeminy and trigeminy are this, repeated).
        var fits = 0;
        var sum = 0.0;
        for (var run = 1; run <= LongestRun && k + run < rr.Length; run++)
        {
            sum += rr[k + run - 1];
            var total = sum + rr[k + run];
            var cycles = Math.Round(total / cycle);
            if (cycles >= 2 && cycles <= run + 1 && Math.Abs(total - (cycles * cycle)) <= tolerance * Math.Sqrt(cycles))
            {
                fits |= 1 << (run + 1);
            }

            if (rr[k + run] >= premature)
            {
                break;
            }
        }

        // Sinus node reset by an atrial premature beat: the interval after it is one cycle plus the time the premature
        // impulse took into and out of the sinus node, so at least a cycle and up to 20 % more (a shorter one, as a
        // fibrillating AV node gives as often as a longer one, is not taken for a reset).
        if (k + 1 < rr.Length && rr[k + 1] >= cycle && rr[k + 1] <= cycle + (2 * tolerance))
        {
            fits |= 1 << 1;
        }

        return fits;
    }
}
