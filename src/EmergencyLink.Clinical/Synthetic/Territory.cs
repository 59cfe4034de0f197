namespace EmergencyLink.Clinical.Synthetic;

/// <summary>
/// Where an ST-elevation infarct shows: Inferior (II, III, aVF), Anterior (V1–V4), Lateral (I, aVL, V5, V6).
/// </summary>
public enum Territory
{
    Inferior,
    Anterior,
    Lateral,
}
