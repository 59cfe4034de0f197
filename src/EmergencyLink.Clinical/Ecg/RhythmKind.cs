namespace EmergencyLink.Clinical.Ecg;

/// <summary>Rhythm findings reported as episodes; <see cref="RhythmKindCodes.Code"/> gives each one's short code.</summary>
public enum RhythmKind
{
    /// <summary>"AF": irregularly irregular ventricular rhythm.</summary>
    AtrialFibrillation,

    /// <summary>"BRADY": sustained heart rate below the bradycardia limit.</summary>
    Bradycardia,

    /// <summary>"TACHY": sustained heart rate above the tachycardia limit.</summary>
    Tachycardia,

    /// <summary>"PAUSE": no beat for at least the pause length.</summary>
    Pause,
}
