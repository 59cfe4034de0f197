namespace EmergencyLink.Clinical.Ecg;

/// <summary>How much of a recording is atrial fibrillation (the CPSC 2021 record classes).</summary>
public enum AfRecordClass
{
    NonAf,

    /// <summary>AF episodes inside non-AF rhythm.</summary>
    Paroxysmal,

    /// <summary>AF for (nearly) the whole recording.</summary>
    Persistent,
}
