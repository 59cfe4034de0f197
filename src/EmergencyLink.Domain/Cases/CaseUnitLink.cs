using EmergencyLink.Domain.Units;

namespace EmergencyLink.Domain.Cases;

/// <summary>How case and unit move together: which unit trigger follows a case step, and the reverse.</summary>
public static class CaseUnitLink
{
    /// <summary>
    /// The unit trigger that must follow an accepted case step from <paramref name="from"/>, or null when the unit
    /// keeps its status (Triage, Divert, Handover: the crew stays with the patient until the case is closed).
    /// </summary>
    public static UnitTrigger? UnitTriggerFor(CaseTrigger trigger, CaseState from) => trigger switch
    {
        CaseTrigger.Assign => UnitTrigger.Dispatch,
        CaseTrigger.EnRoute => UnitTrigger.EnRoute,
        CaseTrigger.ArriveScene => UnitTrigger.ArriveScene,
        CaseTrigger.Transport => UnitTrigger.Transport,
        CaseTrigger.ArriveHospital => UnitTrigger.ArriveHospital,
        CaseTrigger.Close or CaseTrigger.NoTransport or CaseTrigger.Reassign => UnitTrigger.Clear,
        CaseTrigger.Cancel when CaseWorkflow.HoldsUnit(from) => UnitTrigger.Clear,
        _ => null,
    };

    /// <summary>The unit status that matches a case state, for a unit that holds the case.</summary>
    public static UnitStatus? UnitStatusFor(CaseState state) => state switch
    {
        CaseState.Dispatched => UnitStatus.Dispatched,
        CaseState.EnRoute => UnitStatus.EnRoute,
        CaseState.OnScene => UnitStatus.OnScene,
        CaseState.Transporting => UnitStatus.Transporting,
        CaseState.AtHospital or CaseState.HandedOver => UnitStatus.AtHospital,
        _ => null,
    };

    /// <summary>
    /// The case trigger a crew's one-tap status change stands for, when the unit holds a case. Transporting is not
    /// here: it needs a destination, so the crew uses the case transition with a hospital.
    /// </summary>
    public static CaseTrigger? CaseTriggerForCrewStatus(UnitStatus requested) => requested switch
    {
        UnitStatus.EnRoute => CaseTrigger.EnRoute,
        UnitStatus.OnScene => CaseTrigger.ArriveScene,
        UnitStatus.AtHospital => CaseTrigger.ArriveHospital,
        _ => null,
    };

    /// <summary>The unit trigger for a crew's status change on a unit without a case.</summary>
    public static UnitTrigger? UnitTriggerForCrewStatus(UnitStatus requested) => requested switch
    {
        UnitStatus.Available => UnitTrigger.InService,
        UnitStatus.OutOfService => UnitTrigger.OutOfService,
        UnitStatus.Returning => UnitTrigger.Return,
        _ => null,
    };
}
