namespace EmergencyLink.Ehr;

internal enum EhrSendOutcome
{
    /// <summary>2xx: the receiver has the document.</summary>
    Delivered,

    /// <summary>Worth trying again later; the hospital's queue waits on this document.</summary>
    Retry,

    /// <summary>The receiver refused this document for good.</summary>
    Rejected,
}
