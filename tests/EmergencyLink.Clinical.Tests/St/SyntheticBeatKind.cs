namespace EmergencyLink.Clinical.Tests.St;

internal enum SyntheticBeatKind
{
    /// <summary>Sinus beat: P wave, flat PR segment, narrow QRS, the lead's ST plateau, T wave.</summary>
    Normal,

    /// <summary>Premature ventricular beat: no P, wide QRS of opposite polarity, discordant ST-T.</summary>
    Ventricular,
}
