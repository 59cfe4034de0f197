namespace EmergencyLink.Clinical.Scores;

/// <summary>The five signs of BE-FAST (the T, time, is carried as the last-known-well time).</summary>
public enum BeFastSign
{
    Balance,
    Eyes,
    Face,
    Arm,
    Speech,
}
