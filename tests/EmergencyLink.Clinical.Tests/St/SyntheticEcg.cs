namespace EmergencyLink.Clinical.Tests.St;

/// <summary>
/// Exact test waveforms: each beat is a sum of Gaussian waves on a flat baseline, so the PR segment is isoelectric
/// and the ST segment from the end of QRS to the T wave sits on a known plateau per lead. Optional white noise,
/// baseline wander (two slow sinusoids per lead, at respiration-like frequencies) and 50-Hz mains interference,
/// all seeded so every run gives the same samples.
/// </summary>
internal sealed class SyntheticEcg
{
    // Wave timing (s, relative to R) and widths (Gaussian sigma, s) of a normal beat: PR interval ~170 ms with a flat
    // PR segment from about -110 to -50 ms, QRS ~100 ms wide, J point ~+50 ms, T wave far enough from J+60 ms that
    // its tail there is below 1 uV.
    private const double PAt = -0.170, PWidth = 0.022;
    private const double QAt = -0.028, QWidth = 0.007;
    private const double RWidth = 0.010;
    private const double SAt = 0.028, SWidth = 0.008;
    private const double TAt = 0.290, TWidth = 0.050;

    // The ST plateau rises inside the QRS and falls away under the T wave.
    private const double PlateauRiseFrom = -0.010, PlateauRiseTo = 0.035;
    private const double PlateauFallFrom = 0.300, PlateauFallTo = 0.420;

    private const double PvcWidth = 0.035, PvcTAt = 0.330, PvcTWidth = 0.070;

    public SyntheticEcg(double samplingRateHz, double durationSeconds = 10.0)
    {
        SamplingRateHz = samplingRateHz;
        DurationSeconds = durationSeconds;
    }

    public double SamplingRateHz { get; }

    public double DurationSeconds { get; }

    public IReadOnlyList<LeadShape> Shapes { get; init; } = LeadShape.TwelveLead;

    /// <summary>ST plateau (mV) by lead name; zero for a lead not named.</summary>
    public IReadOnlyDictionary<string, double> StMillivolts { get; init; } = new Dictionary<string, double>();

    public IReadOnlyList<SyntheticBeat> Beats { get; init; } = [];

    public double NoiseMillivolts { get; init; }

    public double WanderMillivolts { get; init; }

    public double MainsMillivolts { get; init; }

    /// <summary>Each reported R peak is moved by a uniform random offset of up to this many ms.</summary>
    public double RPeakJitterMilliseconds { get; init; }

    public int Seed { get; init; } = 1;

    public IReadOnlyList<string> LeadNames => Shapes.Select(s => s.Lead).ToList();

    public double St(string lead) => StMillivolts.TryGetValue(lead, out var st) ? st : 0.0;

    public static IReadOnlyList<SyntheticBeat> Regular(double bpm, double durationSeconds, double firstAt = 0.4)
    {
        var beats = new List<SyntheticBeat>();
        for (var t = firstAt; t < durationSeconds - 0.05; t += 60.0 / bpm)
        {
            beats.Add(new SyntheticBeat(t));
        }

        return beats;
    }

    public (float[][] Leads, int[] RPeaks) Build()
    {
        var total = (int)Math.Round(DurationSeconds * SamplingRateHz);
        var random = new Random(Seed);
        var leads = new float[Shapes.Count][];
        for (var l = 0; l < Shapes.Count; l++)
        {
            var shape = Shapes[l];
            var plateau = St(shape.Lead);
            var signal = new double[total];
            foreach (var beat in Beats)
            {
                AddBeat(signal, shape, plateau, beat);
            }

            var wanderPhase1 = random.NextDouble() * 2 * Math.PI;
            var wanderPhase2 = random.NextDouble() * 2 * Math.PI;
            var mainsPhase = random.NextDouble() * 2 * Math.PI;
            var samples = new float[total];
            for (var n = 0; n < total; n++)
            {
                var t = n / SamplingRateHz;
                var wander = WanderMillivolts * (0.7 * Math.Sin(2 * Math.PI * 0.22 * t + wanderPhase1)
                    + 0.3 * Math.Sin(2 * Math.PI * 0.5 * t + wanderPhase2));
                var mains = MainsMillivolts * Math.Sin(2 * Math.PI * 50 * t + mainsPhase);
                samples[n] = (float)(signal[n] + wander + mains + NoiseMillivolts * Gaussian(random));
            }

            leads[l] = samples;
        }

        var peaks = Beats
            .Select(b => (int)Math.Round((b.RPeakSeconds + Jitter(random)) * SamplingRateHz))
            .ToArray();
        return (leads, peaks);
    }

    private double Jitter(Random random) =>
        RPeakJitterMilliseconds == 0 ? 0 : (random.NextDouble() * 2 - 1) * RPeakJitterMilliseconds / 1000.0;

    private void AddBeat(double[] signal, LeadShape shape, double plateau, SyntheticBeat beat)
    {
        var from = Math.Max(0, (int)Math.Floor((beat.RPeakSeconds - 0.4) * SamplingRateHz));
        var to = Math.Min(signal.Length, (int)Math.Ceiling((beat.RPeakSeconds + 0.8) * SamplingRateHz));
        for (var n = from; n < to; n++)
        {
            var t = n / SamplingRateHz - beat.RPeakSeconds;
            signal[n] += beat.Kind == SyntheticBeatKind.Normal
                ? Wave(t, PAt, PWidth, shape.P) + Wave(t, QAt, QWidth, shape.Q) + Wave(t, 0, RWidth, shape.R)
                  + Wave(t, SAt, SWidth, shape.S) + Wave(t, TAt, TWidth, shape.T) + plateau * Plateau(t)
                : Ventricular(t, shape);
        }
    }

    private static double Ventricular(double t, LeadShape shape)
    {
        // Wide QRS of the opposite polarity with the ST-T discordant to it, as in a typical PVC.
        var polarity = Math.Sign(shape.R + shape.S);
        var size = Math.Abs(shape.R) + Math.Abs(shape.S);
        return Wave(t, 0, PvcWidth, -polarity * 1.1 * size)
               + 0.25 * polarity * Plateau(t)
               + Wave(t, PvcTAt, PvcTWidth, 0.5 * polarity);
    }

    private static double Wave(double t, double at, double width, double amplitude)
    {
        var z = (t - at) / width;
        return amplitude * Math.Exp(-0.5 * z * z);
    }

    private static double Plateau(double t) =>
        SmoothStep((t - PlateauRiseFrom) / (PlateauRiseTo - PlateauRiseFrom))
        * (1 - SmoothStep((t - PlateauFallFrom) / (PlateauFallTo - PlateauFallFrom)));

    private static double SmoothStep(double x)
    {
        x = Math.Clamp(x, 0, 1);
        return x * x * (3 - 2 * x);
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
