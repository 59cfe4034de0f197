namespace EmergencyLink.Domain.Cases;

public enum TransitionOutcomeKind
{
    Accepted,

    /// <summary>The state machine does not permit the trigger now.</summary>
    NotPermitted,

    /// <summary>The trigger is permitted but its arguments are missing or wrong.</summary>
    Invalid,
}
