namespace EmergencyLink.Domain.Cases;

/// <summary>A timeline entry that records something other than a trigger. Names are the API's names.</summary>
public enum TimelineEvent
{
    /// <summary>An alert was raised (analysis or a crew-entered scale), with its evidence in the detail.</summary>
    Alert,

    /// <summary>A clinician acknowledged an alert.</summary>
    AlertAcknowledged,

    /// <summary>The crew entered an assessment (a scale, patient details, observations).</summary>
    Assessment,

    /// <summary>The crew recorded a documentation entry (patient, history, treatment, medication, impression, …).</summary>
    Documented,

    /// <summary>The crew corrected or withdrew a documentation entry; the original stays in the record.</summary>
    DocumentationAmended,
}
