namespace EmergencyLink.Clinical.Synthetic;

/// <summary>
/// How a <see cref="SyntheticEcg"/> patient looks. <see cref="SamplingRateHz"/> and <see cref="Seed"/> are fixed for
/// the generator's life; everything else may change through <see cref="SyntheticEcg.Update"/>.
/// </summary>
public sealed record SyntheticEcgOptions
{
    public const double MinimumSamplingRateHz = 128;
    public const double MaximumSamplingRateHz = 1000;
    public const double MinimumHeartRateBpm = 20;
    public const double MaximumHeartRateBpm = 220;

    public double SamplingRateHz { get; init; } = 500;

    /// <summary>Mean ventricular rate; in atrial fibrillation the mean of the irregular RR intervals.</summary>
    public double HeartRateBpm { get; init; } = 70;

    /// <summary>SDNN of the sinus RR tachogram in milliseconds (ignored in atrial fibrillation).</summary>
    public double HeartRateVariabilityMs { get; init; } = 40;

    /// <summary>Power ratio of the Mayer-wave (~0.1 Hz) to the respiratory (HF) band of the sinus tachogram.</summary>
    public double LfHfRatio { get; init; } = 0.5;

    /// <summary>Breathing rate: places the respiratory sinus arrhythmia peak and the baseline wander.</summary>
    public double RespiratoryRatePerMinute { get; init; } = 15;

    public SyntheticRhythm Rhythm { get; init; } = SyntheticRhythm.Sinus;

    /// <summary>Peak amplitude of the fibrillatory f-waves in V1 while in atrial fibrillation.</summary>
    public double FibrillatoryWaveMillivolts { get; init; } = 0.08;

    public StElevation? StElevation { get; init; }

    /// <summary>Amplitude of the breathing-driven baseline wander; 0 keeps the PR segment exactly on baseline.</summary>
    public double BaselineWanderMillivolts { get; init; }

    /// <summary>Standard deviation of the (white) muscle noise; 0 for exact tests.</summary>
    public double MuscleNoiseMillivolts { get; init; }

    public int Seed { get; init; }

    internal void Validate()
    {
        Require(SamplingRateHz is >= MinimumSamplingRateHz and <= MaximumSamplingRateHz, nameof(SamplingRateHz), $"must be {MinimumSamplingRateHz}–{MaximumSamplingRateHz} Hz");
        Require(HeartRateBpm is >= MinimumHeartRateBpm and <= MaximumHeartRateBpm, nameof(HeartRateBpm), $"must be {MinimumHeartRateBpm}–{MaximumHeartRateBpm} bpm");
        Require(HeartRateVariabilityMs is >= 0 and <= 200, nameof(HeartRateVariabilityMs), "must be 0–200 ms");
        Require(LfHfRatio is > 0 and <= 20, nameof(LfHfRatio), "must be above 0 and at most 20");
        Require(RespiratoryRatePerMinute is >= 4 and <= 60, nameof(RespiratoryRatePerMinute), "must be 4–60 per minute");
        Require(Enum.IsDefined(Rhythm), nameof(Rhythm), "is not a known rhythm");
        Require(FibrillatoryWaveMillivolts is >= 0 and <= 0.3, nameof(FibrillatoryWaveMillivolts), "must be 0–0.3 mV");
        Require(BaselineWanderMillivolts is >= 0 and <= 2, nameof(BaselineWanderMillivolts), "must be 0–2 mV");
        Require(MuscleNoiseMillivolts is >= 0 and <= 1, nameof(MuscleNoiseMillivolts), "must be 0–1 mV");
        if (StElevation is { } st)
        {
            Require(Enum.IsDefined(st.Territory), nameof(StElevation), "has an unknown territory");
            Require(st.MagnitudeMillivolts is >= 0 and <= 1, nameof(StElevation), "magnitude must be 0–1 mV");
        }
    }

    private static void Require(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(name, $"{name} {rule}.");
        }
    }
}
