namespace EmergencyLink.Domain.Documentation;

/// <summary>What a documentation entry records. Names are the API's names; each maps to one part of the handover.</summary>
public enum CareEntryKind
{
    /// <summary>Who the patient is (<see cref="CareEntry.Patient"/>).</summary>
    Patient,

    /// <summary>The presenting problem in the patient's or caller's words.</summary>
    ChiefComplaint,

    /// <summary>Past medical history and the history of the present illness.</summary>
    History,

    /// <summary>A known allergy (or "no known allergies").</summary>
    Allergy,

    /// <summary>A medication the patient takes.</summary>
    Medication,

    /// <summary>A scored assessment: GCS, pain, a stroke or trauma scale, or another finding.</summary>
    Assessment,

    /// <summary>A procedure done: airway, IV access, splint, defibrillation, …</summary>
    Treatment,

    /// <summary>A medication the crew gave, with dose and route.</summary>
    MedicationGiven,

    /// <summary>The crew's working impression (provisional diagnosis).</summary>
    Impression,

    /// <summary>Anything else worth handing over.</summary>
    Note,
}
