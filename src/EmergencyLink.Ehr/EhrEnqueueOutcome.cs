namespace EmergencyLink.Ehr;

public enum EhrEnqueueOutcome
{
    /// <summary>Stored; it will be delivered after the hospital's earlier documents.</summary>
    Queued,

    /// <summary>This version of the case was already accepted (it may already be delivered); nothing changed.</summary>
    Duplicate,

    /// <summary>A newer version of the case was already accepted; this one is dropped rather than sent after it.</summary>
    Stale,
}
