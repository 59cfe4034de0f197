namespace EmergencyLink.Domain.Handover;

/// <summary>
/// What moves a handover loop. Names are the API's names; those a case trigger causes carry that trigger's name.
/// </summary>
public enum HandoverLoopTrigger
{
    /// <summary>The crew (or dispatch) sends the pre-alert again, usually with news; the ED must acknowledge it again.</summary>
    SendPreAlert,

    /// <summary>The ED acknowledges the pre-alert.</summary>
    AcknowledgePreAlert,

    /// <summary>The pre-alert has waited too long for its acknowledgement; the ED and dispatch are told louder.</summary>
    Escalate,

    /// <summary>The case's ArriveHospital.</summary>
    ArriveHospital,

    /// <summary>The case's Handover: the ED records the transfer of care.</summary>
    Handover,

    /// <summary>The crew confirms the transfer of care the ED recorded.</summary>
    AcknowledgeTransfer,

    /// <summary>The case went elsewhere (Divert, or a new destination chosen before leaving scene).</summary>
    Divert,

    AcknowledgeRedirect,

    /// <summary>The case's Cancel or NoTransport.</summary>
    Cancel,

    AcknowledgeCancel,
}
