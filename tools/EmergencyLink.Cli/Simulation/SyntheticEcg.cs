using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Cli.Simulation;

/// <summary>
/// A 12-lead ECG good enough to carry over the link: each beat is a sum of Gaussian waves (P, Q, R, S, T) on the
/// heart's electrical axis, projected to the limb leads by their angles and to the chest leads by an R-wave
/// progression, with baseline wander and a little noise, at the heart rate the vitals report. It is a transport
/// test signal, not a diagnostic model (the clinical issue brings a proper generator).
/// </summary>
public sealed class SyntheticEcg(int sampleRateHz, Random random)
{
    private static readonly (double Centre, double Width, double Height)[] Waves =
        [(-0.20, 0.025, 0.15), (-0.03, 0.010, -0.12), (0.0, 0.011, 1.2), (0.03, 0.010, -0.25), (0.26, 0.045, 0.30)];

    // Frontal-plane lead angles (degrees) for I, II, III, aVR, aVL, aVF; chest leads scale the R wave from small
    // (V1, mostly negative) to tall (V4–V5).
    private static readonly double[] LimbAngles = [0, 60, 120, -150, -30, 90];
    private static readonly double[] ChestGain = [-0.45, -0.2, 0.5, 1.2, 1.1, 0.8];
    private const double AxisDegrees = 55;
    private const double MicrovoltsPerUnit = 1;

    private long sample;
    private double phase;

    public int SampleRateHz => sampleRateHz;

    public EcgBlock Next(int samples, double heartRate)
    {
        var leads = new short[12][];
        for (var l = 0; l < 12; l++)
        {
            leads[l] = new short[samples];
        }

        var beatSeconds = 60 / Math.Clamp(heartRate, 20, 250);
        for (var i = 0; i < samples; i++)
        {
            phase += 1.0 / sampleRateHz;
            if (phase >= beatSeconds)
            {
                phase -= beatSeconds;
            }

            var t = (sample + i) / (double)sampleRateHz;

            // Time since the R peak, wrapped so the P wave of the next beat precedes it.
            var sinceR = phase - (beatSeconds * 0.35);
            var heart = 0.0;
            foreach (var (centre, width, height) in Waves)
            {
                var d = sinceR - centre;
                heart += height * Math.Exp(-(d * d) / (2 * width * width));
            }

            var wander = 0.05 * Math.Sin(2 * Math.PI * 0.25 * t);
            for (var l = 0; l < 6; l++)
            {
                var projection = Math.Cos((LimbAngles[l] - AxisDegrees) * Math.PI / 180);
                leads[l][i] = Millivolts((heart * projection) + wander);
            }

            for (var l = 0; l < 6; l++)
            {
                leads[6 + l][i] = Millivolts((heart * ChestGain[l]) + wander);
            }
        }

        var block = new EcgBlock(sampleRateHz, MicrovoltsPerUnit, sample, leads);
        sample += samples;
        return block;
    }

    private short Millivolts(double mv) => (short)Math.Clamp(Math.Round((mv * 1000 / MicrovoltsPerUnit) + ((random.NextDouble() - 0.5) * 20)), short.MinValue, short.MaxValue);
}
