namespace EmergencyLink.Clinical.Synthetic;

/// <summary>How a <see cref="SyntheticVitals"/> patient starts and where it goes.</summary>
public sealed record SyntheticVitalsOptions
{
    public VitalsTrajectory Trajectory { get; init; } = VitalsTrajectory.Stable;

    public VitalsState Start { get; init; } = VitalsState.Normal;

    /// <summary>
    /// Where the trajectory heads; null for its default (<see cref="VitalsState.SepticShock"/> when deteriorating,
    /// <see cref="VitalsState.Normal"/> when improving, the start when stable).
    /// </summary>
    public VitalsState? Target { get; init; }

    /// <summary>Time constant of the approach to the target: about 63 % of the way after this long.</summary>
    public double TimeConstantSeconds { get; init; } = 600;

    /// <summary>Seconds between automated cuff (NIBP) readings; the first is at 0 s.</summary>
    public int NibpIntervalSeconds { get; init; } = 300;

    /// <summary>Scales the physiological variation and measurement error; 0 gives the bare trajectory.</summary>
    public double NoiseScale { get; init; } = 1;

    public int Seed { get; init; }

    /// <summary>The state the trajectory heads to.</summary>
    public VitalsState EffectiveTarget => Target ?? Trajectory switch
    {
        VitalsTrajectory.Deteriorating => VitalsState.SepticShock,
        VitalsTrajectory.Improving => VitalsState.Normal,
        _ => Start,
    };

    internal void Validate()
    {
        if (!Enum.IsDefined(Trajectory))
        {
            throw new ArgumentOutOfRangeException(nameof(Trajectory), Trajectory, "Unknown trajectory.");
        }

        ArgumentNullException.ThrowIfNull(Start);
        ArgumentOutOfRangeException.ThrowIfLessThan(TimeConstantSeconds, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(NibpIntervalSeconds, 60);
        ArgumentOutOfRangeException.ThrowIfNegative(NoiseScale);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(NoiseScale, 5);
    }
}
