namespace EmergencyLink.Clinical.Synthetic;

/// <summary>The atrial rhythm driving the synthetic ventricles.</summary>
public enum SyntheticRhythm
{
    Sinus,
    AtrialFibrillation,
}
