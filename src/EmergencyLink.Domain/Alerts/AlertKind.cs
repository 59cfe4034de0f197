namespace EmergencyLink.Domain.Alerts;

/// <summary>What the receiving team is asked to act on. Names are the API's names.</summary>
public enum AlertKind
{
    /// <summary>ST elevation meeting the STEMI criteria: activate the cath lab.</summary>
    Stemi,

    /// <summary>Atrial fibrillation detected during monitoring.</summary>
    AtrialFibrillation,

    /// <summary>NEWS2 of 7 or more: the RCP's "high" band, emergency response.</summary>
    News2High,

    /// <summary>Stroke suspected on the BE-FAST screen.</summary>
    SuspectedStroke,

    /// <summary>A large-vessel-occlusion scale at or above its threshold: thrombectomy centre.</summary>
    SuspectedLvoStroke,

    /// <summary>A red criterion of the field triage guideline: highest-level trauma centre.</summary>
    MajorTrauma,
}
