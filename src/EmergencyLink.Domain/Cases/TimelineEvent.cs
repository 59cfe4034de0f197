namespace EmergencyLink.Domain.Cases;

/// <summary>A timeline entry that records something other than a trigger. Names are the API's names.</summary>
public enum TimelineEvent
{
    /// <summary>An alert was raised (analysis or a crew-entered scale), with its evidence in the detail.</summary>
    Alert,

    /// <summary>A clinician acknowledged an alert.</summary>
    AlertAcknowledged,

    /// <summary>
    /// The crew entered an assessment. Records written before assessments became documentation entries (now
    /// <see cref="Documented"/>) still hold it.
    /// </summary>
    Assessment,

    /// <summary>The crew recorded a documentation entry (patient, history, treatment, medication, impression, …).</summary>
    Documented,

    /// <summary>The crew corrected or withdrew a documentation entry; the original stays in the record.</summary>
    DocumentationAmended,

    /// <summary>
    /// A step of a handover loop that no case trigger caused: a pre-alert sent again, an ED's acknowledgement, the crew's
    /// confirmation of the transfer of care. Steps a trigger caused are told by that trigger's entry.
    /// </summary>
    HandoverLoop,

    /// <summary>A pre-alert waited too long for the ED's acknowledgement and was escalated (the level is in the detail).</summary>
    PreAlertEscalated,

    /// <summary>A message between the ED, the crew and dispatch (its full text in the detail).</summary>
    Message,

    /// <summary>
    /// The ED began tele-guidance on a video channel (again after a pause), or drew a mark with words; wordless marks in
    /// between are kept in the case's guidance, not repeated on the timeline.
    /// </summary>
    Guidance,
}
