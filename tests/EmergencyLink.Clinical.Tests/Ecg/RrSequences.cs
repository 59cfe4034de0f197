namespace EmergencyLink.Clinical.Tests.Ecg;

/// <summary>
/// Synthetic RR interval series (seconds) of the rhythms an RR-based AF detector must tell apart: sinus rhythm with
/// respiratory variation, with premature ventricular beats in their usual patterns (compensatory pause, bigeminy,
/// trigeminy, couplets), with atrial premature beats (sinus reset), and atrial fibrillation with and without ventricular
/// premature beats. Every series gets its own random jitter, so nothing depends on one exact sequence.
/// </summary>
internal static class RrSequences
{
    /// <summary>Sinus cycle with respiratory sinus arrhythmia (±4 %, 4 s breath) and 1.5 % beat-to-beat jitter.</summary>
    public static double Sinus(double cycle, int beat, Random random) =>
        cycle * (1 + (0.04 * Math.Sin(beat * 2 * Math.PI * cycle / 4.0)) + (0.015 * Gaussian(random)));

    /// <summary>
    /// Sinus rhythm in which beat i (0-based, of <paramref name="beats"/> sinus cycles) is followed by a ventricular
    /// run of <c>ectopic(i)</c> premature beats (0 = none, 1 = single, 2 = couplet) from one focus, with a full
    /// compensatory pause: the next sinus beat comes on time.
    /// </summary>
    public static List<double> SinusWithVentricularEctopy(double cycle, int beats, Func<int, int> ectopic, Random random)
    {
        // Uniform (one-focus) PVCs have a fixed coupling interval, here 55-70 % of the cycle; the run's beats fire at
        // that rate too.
        var coupling = cycle * (0.55 + (0.15 * random.NextDouble()));
        var rr = new List<double>();
        for (var i = 0; i < beats; i++)
        {
            var sinus = Sinus(cycle, i, random);
            var run = ectopic(i);
            if (run == 0)
            {
                rr.Add(sinus);
                continue;
            }

            var used = 0.0;
            for (var k = 0; k < run; k++)
            {
                var interval = coupling * (1 + (0.02 * Gaussian(random)));
                rr.Add(interval);
                used += interval;
            }

            // The sinus beats that fall within the run or its refractory period (half a cycle after the last ventricular
            // beat) are not conducted; the next one comes on time (full compensatory pause).
            var cycles = (int)Math.Ceiling((used + (0.5 * cycle)) / cycle);
            var pause = -used;
            for (var k = 0; k < cycles; k++)
            {
                pause += Sinus(cycle, i + k, random);
            }

            rr.Add(pause);
            i += cycles - 1;
        }

        return rr;
    }

    /// <summary>Sinus rhythm with atrial premature beats at <paramref name="probability"/>, each resetting the sinus node.</summary>
    public static List<double> SinusWithAtrialEctopy(double cycle, int beats, double probability, Random random)
    {
        var rr = new List<double>();
        for (var i = 0; i < beats; i++)
        {
            if (random.NextDouble() < probability)
            {
                rr.Add(cycle * (0.6 + (0.2 * random.NextDouble())));
                rr.Add(cycle * (1.0 + (0.1 * random.NextDouble())));
                continue;
            }

            rr.Add(Sinus(cycle, i, random));
        }

        return rr;
    }

    /// <summary>
    /// Atrial fibrillation: independent RR intervals with the given mean and coefficient of variation, drawn from a
    /// gamma-like shape and never shorter than 40 % of the mean (the AV node's refractoriness).
    /// </summary>
    public static List<double> AtrialFibrillation(double meanRr, double cv, int beats, Random random)
    {
        var rr = new List<double>();
        while (rr.Count < beats)
        {
            var value = meanRr * (1 + (cv * Gaussian(random)));
            if (value >= 0.4 * meanRr)
            {
                rr.Add(value);
            }
        }

        return rr;
    }

    /// <summary>AF with ventricular premature beats: each is early (55-70 % of the mean) and the next interval is AF again.</summary>
    public static List<double> AtrialFibrillationWithPvcs(double meanRr, double cv, int beats, double probability, Random random)
    {
        var rr = AtrialFibrillation(meanRr, cv, beats, random);
        for (var i = 0; i < rr.Count; i++)
        {
            if (random.NextDouble() < probability)
            {
                rr[i] = meanRr * (0.55 + (0.15 * random.NextDouble()));
            }
        }

        return rr;
    }

    /// <summary>Beat sample numbers from RR intervals (seconds), the first beat at 1 s.</summary>
    public static long[] Beats(IEnumerable<double> rr, double rate)
    {
        var beats = new List<long> { (long)rate };
        var t = 1.0;
        foreach (var interval in rr)
        {
            t += interval;
            beats.Add((long)Math.Round(t * rate));
        }

        return [.. beats];
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
