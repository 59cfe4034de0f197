using Stateless;

namespace EmergencyLink.Domain.Units;

/// <summary>The ambulance's own small state machine of DESIGN.md; it moves together with its case.</summary>
public static class UnitWorkflow
{
    private static readonly MachineTable<UnitStatus, UnitTrigger> Table = new(Create);

    public static StateMachine<UnitStatus, UnitTrigger> Create(Func<UnitStatus> read, Action<UnitStatus> write)
    {
        var machine = new StateMachine<UnitStatus, UnitTrigger>(read, write);

        machine.Configure(UnitStatus.OutOfService)
            .Permit(UnitTrigger.InService, UnitStatus.Available);

        machine.Configure(UnitStatus.Available)
            .Permit(UnitTrigger.OutOfService, UnitStatus.OutOfService)
            .Permit(UnitTrigger.Return, UnitStatus.Returning)
            .Permit(UnitTrigger.Dispatch, UnitStatus.Dispatched);

        // A returning unit is free: dispatchers routinely send the unit that is driving back past the scene.
        machine.Configure(UnitStatus.Returning)
            .Permit(UnitTrigger.InService, UnitStatus.Available)
            .Permit(UnitTrigger.OutOfService, UnitStatus.OutOfService)
            .Permit(UnitTrigger.Dispatch, UnitStatus.Dispatched);

        machine.Configure(UnitStatus.Dispatched)
            .Permit(UnitTrigger.EnRoute, UnitStatus.EnRoute)
            .Permit(UnitTrigger.Clear, UnitStatus.Available);

        machine.Configure(UnitStatus.EnRoute)
            .Permit(UnitTrigger.ArriveScene, UnitStatus.OnScene)
            .Permit(UnitTrigger.Clear, UnitStatus.Available);

        machine.Configure(UnitStatus.OnScene)
            .Permit(UnitTrigger.Transport, UnitStatus.Transporting)
            .Permit(UnitTrigger.Clear, UnitStatus.Available);

        // No Clear while transporting: a patient aboard is never abandoned by a status change.
        machine.Configure(UnitStatus.Transporting)
            .Permit(UnitTrigger.ArriveHospital, UnitStatus.AtHospital);

        machine.Configure(UnitStatus.AtHospital)
            .Permit(UnitTrigger.Clear, UnitStatus.Available);

        return machine;
    }

    public static IReadOnlyList<UnitTrigger> PermittedTriggers(UnitStatus status) =>
        Table.Permitted(status);

    public static UnitStatus? Next(UnitStatus status, UnitTrigger trigger) =>
        Table.Next(status, trigger);

    /// <summary>Statuses from which a unit may be dispatched to a new case.</summary>
    public static bool IsFree(UnitStatus status) => status is UnitStatus.Available or UnitStatus.Returning;

    public static string ToMermaid() => Table.Mermaid(UnitStatus.Available);
}
