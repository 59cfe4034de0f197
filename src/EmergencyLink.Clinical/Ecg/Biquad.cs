namespace EmergencyLink.Clinical.Ecg;

/// <summary>
/// A second-order IIR section designed by the bilinear transform with frequency pre-warping (the standard audio-EQ
/// "cookbook" formulas); cascading sections with Butterworth Q values gives a Butterworth response at any rate.
/// </summary>
internal readonly record struct Biquad(float B0, float B1, float B2, float A1, float A2)
{
    /// <summary>Q values of the two sections of a 4th-order Butterworth filter: 1 / (2 cos(π/8)) and 1 / (2 cos(3π/8)).</summary>
    public static readonly double[] FourthOrderButterworthQ = [0.54119610, 1.30656296];

    public const double SecondOrderButterworthQ = 0.70710678;

    public static Biquad LowPass(double cutoffHz, double samplingRate, double q)
    {
        var (cos, alpha) = Prewarp(cutoffHz, samplingRate, q);
        var a0 = 1 + alpha;
        return new Biquad(
            (float)((1 - cos) / 2 / a0),
            (float)((1 - cos) / a0),
            (float)((1 - cos) / 2 / a0),
            (float)(-2 * cos / a0),
            (float)((1 - alpha) / a0));
    }

    public static Biquad HighPass(double cutoffHz, double samplingRate, double q)
    {
        var (cos, alpha) = Prewarp(cutoffHz, samplingRate, q);
        var a0 = 1 + alpha;
        return new Biquad(
            (float)((1 + cos) / 2 / a0),
            (float)(-(1 + cos) / a0),
            (float)((1 + cos) / 2 / a0),
            (float)(-2 * cos / a0),
            (float)((1 - alpha) / a0));
    }

    private static (double Cos, double Alpha) Prewarp(double cutoffHz, double samplingRate, double q)
    {
        if (cutoffHz <= 0 || cutoffHz >= samplingRate / 2)
        {
            throw new ArgumentOutOfRangeException(nameof(cutoffHz), cutoffHz, $"Cut-off must lie below the Nyquist frequency of {samplingRate} Hz.");
        }

        var w0 = 2 * Math.PI * cutoffHz / samplingRate;
        return (Math.Cos(w0), Math.Sin(w0) / (2 * q));
    }
}
