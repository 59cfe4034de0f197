namespace EmergencyLink.Clinical.Synthetic;

/// <summary>
/// Mean-reverting physiological variation sampled at 1 Hz: stationary standard deviation <c>sd</c>, correlation time
/// <c>tau</c> seconds, so readings drift plausibly instead of jumping independently from second to second.
/// </summary>
internal sealed class OrnsteinUhlenbeck(double sd, double tauSeconds)
{
    private readonly double decay = Math.Exp(-1 / tauSeconds);
    private double value;

    public double Next(Random random, double scale)
    {
        value = (value * decay) + (sd * Math.Sqrt(1 - (decay * decay)) * Gaussian.Next(random));
        return value * scale;
    }
}
