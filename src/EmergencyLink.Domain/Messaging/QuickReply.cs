namespace EmergencyLink.Domain.Messaging;

/// <summary>
/// The closed list of one-tap messages. A closed list, not free text, so a screen can show them as buttons, a crew
/// can read them at a glance on a moving vehicle, and a report can count them. Names are the API's names.
/// </summary>
public enum QuickReply
{
    /// <summary>"Received": either side acknowledges the last message.</summary>
    Received,

    /// <summary>"Cath lab activated": the ED has the PCI team ready.</summary>
    CathLabActivated,

    /// <summary>"Stroke team waiting".</summary>
    StrokeTeamWaiting,

    /// <summary>"Trauma team waiting".</summary>
    TraumaTeamWaiting,

    /// <summary>"Go to resus {room}": where to bring the patient; the room is the reply's target.</summary>
    GoToResus,

    /// <summary>
    /// "Divert to {hospital}": the ED (or dispatch) asks the crew to go elsewhere; the hospital id is the reply's target.
    /// It is a message, not the diversion: the crew (or dispatch) fires <c>Divert</c>, so the case's destination changes
    /// only by a step of its state machine.
    /// </summary>
    DivertTo,
}
