namespace EmergencyLink.Clinical.Synthetic;

/// <summary>
/// One Gaussian event of the heart dipole (P, Q, R, S or T) at an absolute time in seconds, with its direction in
/// Frank X, Y, Z (mV at the peak). The two sides may differ in width (the T wave rises slower than it falls).
/// </summary>
internal readonly record struct WaveEvent(double Centre, double SigmaLeft, double SigmaRight, double X, double Y, double Z)
{
    // Each Gaussian is cut at ±3σ and lowered by its value there, so it starts and ends exactly at zero. ECGSYN's
    // untruncated tails would leak about 1 % of a wave into its neighbours: the PR segment would never be flat, and
    // the ST offset at J+60 ms would not be exactly what was asked for.
    private const double Cut = 3;
    private static readonly double Edge = Math.Exp(-0.5 * Cut * Cut);
    private static readonly double Scale = 1 / (1 - Edge);

    public double Start => Centre - (Cut * SigmaLeft);

    public double End => Centre + (Cut * SigmaRight);

    public double Shape(double t)
    {
        var d = t - Centre;
        var u = d / (d < 0 ? SigmaLeft : SigmaRight);
        return u * u >= Cut * Cut ? 0 : (Math.Exp(-0.5 * u * u) - Edge) * Scale;
    }
}
