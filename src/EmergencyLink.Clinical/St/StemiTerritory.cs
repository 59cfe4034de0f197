namespace EmergencyLink.Clinical.St;

/// <summary>
/// Where the ST elevation lies: inferior II, III, aVF; septal V1-V2; anterior V3-V4; lateral I, aVL, V5, V6.
/// The septal/anterior split of V1-V4 follows the usual reading of the precordial leads; a V2-V3 finding is both.
/// </summary>
[Flags]
public enum StemiTerritory
{
    None = 0,
    Inferior = 1,
    Septal = 2,
    Anterior = 4,
    Lateral = 8,
}
