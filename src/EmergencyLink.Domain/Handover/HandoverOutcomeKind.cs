namespace EmergencyLink.Domain.Handover;

public enum HandoverOutcomeKind
{
    Accepted,

    /// <summary>There is no such loop: nobody pre-alerted that ED for this case.</summary>
    NotFound,

    /// <summary>The loop or the case is not in a state that allows the step (including a second acknowledgement).</summary>
    Conflict,

    /// <summary>The step's arguments are missing or wrong.</summary>
    Invalid,
}
