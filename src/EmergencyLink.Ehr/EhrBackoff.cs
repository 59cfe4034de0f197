namespace EmergencyLink.Ehr;

/// <summary>Exponential back-off with jitter, capped.</summary>
internal static class EhrBackoff
{
    /// <summary>
    /// The wait after the <paramref name="failures"/>th consecutive failure: the exponential step
    /// (initial · 2^(failures−1), at most <paramref name="max"/>), of which a random half is taken off ("equal
    /// jitter"). The jitter keeps many servers that lost the same EHR at once from retrying in lockstep when it
    /// comes back; keeping half the step keeps a down receiver from being hammered. Never above the cap.
    /// </summary>
    /// <param name="random">A number in [0, 1).</param>
    public static TimeSpan Delay(int failures, TimeSpan initial, TimeSpan max, double random)
    {
        var step = failures >= 31 ? max : TimeSpan.FromTicks((long)Math.Min(max.Ticks, initial.Ticks * Math.Pow(2, Math.Max(failures, 1) - 1)));
        return step / 2 + step / 2 * Math.Clamp(random, 0, 1);
    }
}
