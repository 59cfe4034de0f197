namespace EmergencyLink.Clinical.Synthetic;

/// <summary>
/// Baseline wander (a breathing-rate sinusoid plus a slower drift, with a different gain and phase per lead, as each
/// electrode moves differently with the chest) and muscle noise (white Gaussian) on the independent leads I, II and
/// V1–V6, so the derived limb leads obey the lead identities with noise too.
/// </summary>
internal sealed class EcgNoise
{
    private const int Leads = 8;
    private const double DriftShare = 0.5;

    // Per lead, g·sin(θ + ψ) is kept as (g·cos ψ, g·sin ψ) so a sample needs one sine and cosine per component, not one
    // per lead: noise is most of the generator's cost.
    private readonly double[] breathSin = new double[Leads];
    private readonly double[] breathCos = new double[Leads];
    private readonly double[] driftSin = new double[Leads];
    private readonly double[] driftCos = new double[Leads];
    private readonly double driftHz;
    private readonly Random random;
    private double breath;
    private double drift;
    private double spare;
    private bool hasSpare;

    public EcgNoise(Random random)
    {
        this.random = random;
        for (var l = 0; l < Leads; l++)
        {
            var gain = 0.5 + (0.5 * random.NextDouble());
            var phase = 2 * Math.PI * random.NextDouble();
            (breathSin[l], breathCos[l]) = (gain * Math.Cos(phase), gain * Math.Sin(phase));
            gain = DriftShare * random.NextDouble();
            phase = 2 * Math.PI * random.NextDouble();
            (driftSin[l], driftCos[l]) = (gain * Math.Cos(phase), gain * Math.Sin(phase));
        }

        driftHz = 0.02 + (0.05 * random.NextDouble());
    }

    public void Add(double samplingRateHz, SyntheticEcgOptions options, Span<double> leads)
    {
        breath = (breath + (2 * Math.PI * options.RespiratoryRatePerMinute / 60 / samplingRateHz)) % (2 * Math.PI);
        drift = (drift + (2 * Math.PI * driftHz / samplingRateHz)) % (2 * Math.PI);
        var wander = options.BaselineWanderMillivolts / (1 + DriftShare);
        if (wander > 0)
        {
            var (bs, bc) = Math.SinCos(breath);
            var (ds, dc) = Math.SinCos(drift);
            for (var l = 0; l < Leads; l++)
            {
                leads[l] += wander * ((breathSin[l] * bs) + (breathCos[l] * bc) + (driftSin[l] * ds) + (driftCos[l] * dc));
            }
        }

        var muscle = options.MuscleNoiseMillivolts;
        if (muscle > 0)
        {
            for (var l = 0; l < Leads; l++)
            {
                leads[l] += muscle * NextGaussian();
            }
        }
    }

    // Marsaglia's polar method: two normal draws per accepted pair, without trigonometry.
    private double NextGaussian()
    {
        if (hasSpare)
        {
            hasSpare = false;
            return spare;
        }

        double u, v, s;
        do
        {
            u = (2 * random.NextDouble()) - 1;
            v = (2 * random.NextDouble()) - 1;
            s = (u * u) + (v * v);
        }
        while (s >= 1 || s == 0);

        var factor = Math.Sqrt(-2 * Math.Log(s) / s);
        spare = v * factor;
        hasSpare = true;
        return u * factor;
    }
}
