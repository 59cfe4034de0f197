namespace EmergencyLink.Domain.Units;

/// <summary>What moves a unit. Case-driven triggers share the case trigger's name; the rest are the crew's.</summary>
public enum UnitTrigger
{
    /// <summary>Crew: back in service (from out of service, or arrived back at station).</summary>
    InService,

    /// <summary>Crew: unavailable (vehicle fault, crew break, decontamination).</summary>
    OutOfService,

    /// <summary>Crew: heading back to station, still available for dispatch.</summary>
    Return,

    Dispatch,
    EnRoute,
    ArriveScene,
    Transport,
    ArriveHospital,

    /// <summary>The unit is released from its case: reassigned, cancelled, no transport, or the case closed.</summary>
    Clear,
}
