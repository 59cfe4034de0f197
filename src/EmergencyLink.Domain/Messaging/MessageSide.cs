namespace EmergencyLink.Domain.Messaging;

/// <summary>Which end of the link wrote a message; screens colour and align by it, and quick replies depend on it.</summary>
public enum MessageSide
{
    /// <summary>The destination emergency department.</summary>
    Ed,

    /// <summary>The ambulance crew serving the case.</summary>
    Crew,

    /// <summary>Dispatch (or an admin), which may join the conversation it can already read.</summary>
    Dispatch,
}
