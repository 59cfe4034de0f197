namespace EmergencyLink.Clinical.Tests.Ecg;

/// <summary>
/// A two-lead test ECG (a lead-II-like and a V1-like lead) built from Gaussian waves, with the beat kinds a QRS
/// detector meets in ventricular ectopy: narrow sinus beats with P and T waves; premature ventricular beats that are
/// wide (about 160 ms), of the opposite polarity to the sinus QRS in lead II and upright in V1, without P wave and with
/// a discordant T; fusion beats, half of each; and optionally PVCs that are small in lead II (0.25 mV). Sampled at any
/// rate with white and baseline-wander noise, so the same rhythm can be run at 128 Hz and at 500 Hz.
/// </summary>
internal sealed class EctopicEcgSignal
{
    private readonly List<(double Time, EctopicBeatKind Kind)> _beats = [];

    public IReadOnlyList<(double Time, EctopicBeatKind Kind)> BeatList => _beats;

    /// <summary>PVC amplitude in lead II relative to the default (-1.3 mV); 0.2 makes them nearly vanish there.</summary>
    public double PvcLeadIIScale { get; init; } = 1;

    public double NoiseMillivolts { get; init; } = 0.02;

    public double WanderMillivolts { get; init; } = 0.15;

    /// <summary>
    /// Sinus rhythm of <paramref name="cycle"/> s in which <c>pattern(i)</c> says what replaces sinus beat i: none, a
    /// PVC (at <paramref name="coupling"/> of the cycle, full compensatory pause), a couplet, or a fusion beat (on time).
    /// </summary>
    public static EctopicEcgSignal Build(double cycle, int beats, Func<int, EctopicBeatKind> pattern, Random random, double pvcLeadIIScale = 1, double coupling = 0.6)
    {
        var signal = new EctopicEcgSignal { PvcLeadIIScale = pvcLeadIIScale };
        var t = 1.0;
        for (var i = 0; i < beats; i++)
        {
            var sinus = t + (cycle * 0.015 * ((2 * random.NextDouble()) - 1));
            switch (pattern(i))
            {
                case EctopicBeatKind.Ventricular:
                    signal._beats.Add((sinus, EctopicBeatKind.Normal));
                    signal._beats.Add((sinus + (coupling * cycle), EctopicBeatKind.Ventricular));
                    t += cycle;
                    i++;
                    break;
                case EctopicBeatKind.Couplet:
                    signal._beats.Add((sinus, EctopicBeatKind.Normal));
                    signal._beats.Add((sinus + (coupling * cycle), EctopicBeatKind.Ventricular));
                    signal._beats.Add((sinus + (((2 * coupling) - 0.05) * cycle), EctopicBeatKind.Ventricular));
                    t += 2 * cycle;
                    i += 2;
                    break;
                default:
                    signal._beats.Add((sinus, pattern(i) == EctopicBeatKind.Fusion ? EctopicBeatKind.Fusion : EctopicBeatKind.Normal));
                    break;
            }

            t += cycle;
        }

        return signal;
    }

    public double Duration => _beats[^1].Time + 1.5;

    /// <summary>Reference R-peak (QRS main deflection) sample numbers at <paramref name="rate"/>.</summary>
    public long[] Reference(double rate) => [.. _beats.Select(b => (long)Math.Round(b.Time * rate))];

    /// <summary>Both leads (II-like, V1-like) in millivolts at <paramref name="rate"/> Hz.</summary>
    public float[][] Render(double rate, int seed)
    {
        var random = new Random(seed);
        var n = (int)(Duration * rate);
        var leads = new[] { new float[n], new float[n] };
        for (var b = 0; b < _beats.Count; b++)
        {
            var (time, kind) = _beats[b];
            var rr = b + 1 < _beats.Count ? _beats[b + 1].Time - time : 0.8;
            var previous = b > 0 ? time - _beats[b - 1].Time : 0.8;
            foreach (var (offset, sigma, leadII, v1) in Waves(kind, Math.Max(rr, previous)))
            {
                var from = Math.Max(0, (int)((time + offset - (4 * sigma)) * rate));
                var to = Math.Min(n - 1, (int)((time + offset + (4 * sigma)) * rate));
                for (var i = from; i <= to; i++)
                {
                    var z = ((i / rate) - time - offset) / sigma;
                    var shape = Math.Exp(-0.5 * z * z);
                    leads[0][i] += (float)(leadII * shape);
                    leads[1][i] += (float)(v1 * shape);
                }
            }
        }

        var phase = random.NextDouble() * 2 * Math.PI;
        for (var i = 0; i < n; i++)
        {
            var wander = WanderMillivolts * Math.Sin((2 * Math.PI * 0.25 * i / rate) + phase);
            for (var l = 0; l < 2; l++)
            {
                leads[l][i] += (float)(wander + (NoiseMillivolts * Gaussian(random)));
            }
        }

        return leads;
    }

    private IEnumerable<(double Offset, double Sigma, double LeadII, double V1)> Waves(EctopicBeatKind kind, double cycle)
    {
        var qt = 0.4 * Math.Cbrt(cycle);
        var normal = new[]
        {
            (-0.16, 0.022, 0.15, 0.08), // P
            (-0.022, 0.007, -0.12, 0.0), // q
            (0.0, 0.009, 1.1, 0.3), // R
            (0.024, 0.008, -0.25, -0.9), // S
            (qt - 0.09, 0.045, 0.3, 0.1), // T
        };
        var s = PvcLeadIIScale;
        var ventricular = new[]
        {
            (-0.035, 0.022, 0.25 * s, -0.3), // initial slurred deflection
            (0.0, 0.03, -1.3 * s, 1.5), // wide main deflection: down in II, up in V1
            (0.07, 0.025, 0.2 * s, -0.2),
            (qt, 0.07, 0.45 * s, -0.5), // discordant T
        };
        return kind switch
        {
            EctopicBeatKind.Ventricular => ventricular,
            EctopicBeatKind.Fusion => normal.Skip(1).Select(w => (w.Item1, w.Item2, 0.5 * w.Item3, 0.5 * w.Item4))
                .Concat(ventricular.Select(w => (w.Item1, w.Item2, 0.5 * w.Item3, 0.5 * w.Item4)))
                .Prepend(normal[0]),
            _ => normal,
        };
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
