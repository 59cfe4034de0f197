namespace EmergencyLink.Domain.Handover;

/// <summary>Where the closed loop between a crew and one receiving ED stands. Names are the API's names.</summary>
public enum HandoverLoopState
{
    /// <summary>The ED has been told the patient is coming and has not acknowledged it yet.</summary>
    PreAlertSent,

    PreAlertAcknowledged,

    /// <summary>The ambulance is at the ED; the offload interval ("wall time") runs from here.</summary>
    Arrived,

    /// <summary>The ED accepted the patient (the case's Handover); the crew has not confirmed it yet.</summary>
    TransferOfCare,

    TransferAcknowledged,

    /// <summary>The case was diverted elsewhere after this ED was pre-alerted; the ED must confirm it stood down.</summary>
    Redirected,

    RedirectAcknowledged,

    /// <summary>The case was cancelled or ended without transport after this ED was pre-alerted.</summary>
    Cancelled,

    CancelAcknowledged,
}
