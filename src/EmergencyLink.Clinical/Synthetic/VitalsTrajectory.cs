namespace EmergencyLink.Clinical.Synthetic;

/// <summary>Where a synthetic patient's vital signs head over the transport.</summary>
public enum VitalsTrajectory
{
    /// <summary>Stays around its starting values.</summary>
    Stable,

    /// <summary>Heads towards <see cref="VitalsState.SepticShock"/> (or the given target) over minutes.</summary>
    Deteriorating,

    /// <summary>Heads towards <see cref="VitalsState.Normal"/> (or the given target) over minutes.</summary>
    Improving,
}
