namespace EmergencyLink.Clinical.Synthetic;

/// <summary>
/// The atrial activity of AF as a dipole: a quasi-periodic saw-toothed wave whose rate wanders slowly around 5.5–7 Hz
/// (within the 4–9 Hz of f-waves) and whose amplitude waxes and wanes, pointed so it is largest in V1 and the inferior
/// leads, where f-waves are best seen. It fades in and out over a second when the rhythm changes.
/// </summary>
internal sealed class FibrillatoryWaves
{
    private const double WanderHz = 0.07;
    private const double WanderDepthHz = 0.7;
    private const double SwellHz = 0.17;
    private const double SwellDepth = 0.3;
    private const double FadeSeconds = 1;

    // sin φ + 0.25 sin 2φ peaks at 1.101: dividing by it makes the amplitude option the V1 peak.
    private const double SecondHarmonic = 0.25;
    private const double PeakOfWave = 1.101;

    private static readonly (double X, double Y, double Z) Direction = UnitInV1(-0.3, 0.6, -0.6);

    private readonly double baseHz;
    private readonly double wanderPhase;
    private readonly double swellPhase;
    private double phase;
    private double envelope;

    public FibrillatoryWaves(Random random)
    {
        baseHz = 5.5 + (1.5 * random.NextDouble());
        wanderPhase = 2 * Math.PI * random.NextDouble();
        swellPhase = 2 * Math.PI * random.NextDouble();
        phase = 2 * Math.PI * random.NextDouble();
    }

    public void Add(double t, double samplingRateHz, bool fibrillating, double amplitudeMillivolts, ref double x, ref double y, ref double z)
    {
        var hz = baseHz + (WanderDepthHz * Math.Sin((2 * Math.PI * WanderHz * t) + wanderPhase));
        phase = (phase + (2 * Math.PI * hz / samplingRateHz)) % (2 * Math.PI);
        var step = 1 / (FadeSeconds * samplingRateHz);
        envelope = fibrillating ? Math.Min(1, envelope + step) : Math.Max(0, envelope - step);
        if (envelope == 0 || amplitudeMillivolts == 0)
        {
            return;
        }

        var swell = 1 + (SwellDepth * Math.Sin((2 * Math.PI * SwellHz * t) + swellPhase));
        var wave = (Math.Sin(phase) + (SecondHarmonic * Math.Sin(2 * phase))) / PeakOfWave;
        var v = envelope * amplitudeMillivolts * swell * wave;
        x += v * Direction.X;
        y += v * Direction.Y;
        z += v * Direction.Z;
    }

    private static (double X, double Y, double Z) UnitInV1(double x, double y, double z)
    {
        var v1 = (DowerMatrix.X[2] * x) + (DowerMatrix.Y[2] * y) + (DowerMatrix.Z[2] * z);
        return (x / v1, y / v1, z / v1);
    }
}
