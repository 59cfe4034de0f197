using Stateless;

namespace EmergencyLink.Domain.Cases;

/// <summary>
/// The case state machine of DESIGN.md. It only knows which trigger leads where; the arguments a trigger
/// needs (a unit, a destination, a disposition) are checked by <see cref="IncidentCase"/>.
/// </summary>
public static class CaseWorkflow
{
    private static readonly MachineTable<CaseState, CaseTrigger> Table = new(Create);

    public static StateMachine<CaseState, CaseTrigger> Create(Func<CaseState> read, Action<CaseState> write)
    {
        var machine = new StateMachine<CaseState, CaseTrigger>(read, write);

        machine.Configure(CaseState.Received)
            .Permit(CaseTrigger.Triage, CaseState.Triaged)
            .Permit(CaseTrigger.Cancel, CaseState.Cancelled);

        machine.Configure(CaseState.Triaged)
            .Permit(CaseTrigger.Assign, CaseState.Dispatched)
            .Permit(CaseTrigger.Cancel, CaseState.Cancelled);

        machine.Configure(CaseState.Dispatched)
            .Permit(CaseTrigger.EnRoute, CaseState.EnRoute)
            .Permit(CaseTrigger.Reassign, CaseState.Triaged)
            .Permit(CaseTrigger.Cancel, CaseState.Cancelled);

        machine.Configure(CaseState.EnRoute)
            .Permit(CaseTrigger.ArriveScene, CaseState.OnScene)
            .Permit(CaseTrigger.Reassign, CaseState.Triaged)
            .Permit(CaseTrigger.Cancel, CaseState.Cancelled);

        // Cancel stays possible on scene (no patient found, call withdrawn) but not once a patient is aboard:
        // from then on the case ends through a handover, and NoTransport records why nobody was carried.
        machine.Configure(CaseState.OnScene)
            .Permit(CaseTrigger.Transport, CaseState.Transporting)
            .Permit(CaseTrigger.NoTransport, CaseState.Closed)
            .Permit(CaseTrigger.Cancel, CaseState.Cancelled);

        machine.Configure(CaseState.Transporting)
            .Permit(CaseTrigger.ArriveHospital, CaseState.AtHospital)
            .PermitReentry(CaseTrigger.Divert);

        machine.Configure(CaseState.AtHospital)
            .Permit(CaseTrigger.Handover, CaseState.HandedOver);

        machine.Configure(CaseState.HandedOver)
            .Permit(CaseTrigger.Close, CaseState.Closed);

        machine.Configure(CaseState.Closed);
        machine.Configure(CaseState.Cancelled);
        return machine;
    }

    /// <summary>The triggers permitted in <paramref name="state"/>, in declaration order of <see cref="CaseTrigger"/>.</summary>
    public static IReadOnlyList<CaseTrigger> PermittedTriggers(CaseState state) =>
        Table.Permitted(state);

    /// <summary>Where <paramref name="trigger"/> leads from <paramref name="state"/>, or null when it is not permitted.</summary>
    public static CaseState? Next(CaseState state, CaseTrigger trigger) =>
        Table.Next(state, trigger);

    public static bool IsTerminal(CaseState state) => state is CaseState.Closed or CaseState.Cancelled;

    /// <summary>States in which a unit is committed to the case.</summary>
    public static bool HoldsUnit(CaseState state) =>
        state is CaseState.Dispatched or CaseState.EnRoute or CaseState.OnScene or CaseState.Transporting
            or CaseState.AtHospital or CaseState.HandedOver;

    /// <summary>States in which the destination hospital expects the patient.</summary>
    public static bool IsInbound(CaseState state) =>
        state is CaseState.Transporting or CaseState.AtHospital;

    public static string ToMermaid() => Table.Mermaid(CaseState.Received);
}
