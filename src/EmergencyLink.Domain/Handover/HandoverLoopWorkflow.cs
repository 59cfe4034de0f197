using Stateless;

namespace EmergencyLink.Domain.Handover;

/// <summary>
/// The handover loop's state machine, one instance per (case, receiving hospital). It only knows which trigger leads
/// where; who may fire what, and when the case allows it, is <see cref="HandoverLoops"/>' business.
/// </summary>
public static class HandoverLoopWorkflow
{
    private static readonly MachineTable<HandoverLoopState, HandoverLoopTrigger> Table = new(Create);

    public static StateMachine<HandoverLoopState, HandoverLoopTrigger> Create(
        Func<HandoverLoopState> read, Action<HandoverLoopState> write)
    {
        var machine = new StateMachine<HandoverLoopState, HandoverLoopTrigger>(read, write);

        // The patient may arrive before anyone in the ED acknowledged: arrival must never wait on a click.
        machine.Configure(HandoverLoopState.PreAlertSent)
            .PermitReentry(HandoverLoopTrigger.SendPreAlert)
            .PermitReentry(HandoverLoopTrigger.Escalate)
            .Permit(HandoverLoopTrigger.AcknowledgePreAlert, HandoverLoopState.PreAlertAcknowledged)
            .Permit(HandoverLoopTrigger.ArriveHospital, HandoverLoopState.Arrived)
            .Permit(HandoverLoopTrigger.Divert, HandoverLoopState.Redirected)
            .Permit(HandoverLoopTrigger.Cancel, HandoverLoopState.Cancelled);

        // A pre-alert sent again carries news (the patient got worse), so it needs the ED's acknowledgement again.
        machine.Configure(HandoverLoopState.PreAlertAcknowledged)
            .Permit(HandoverLoopTrigger.SendPreAlert, HandoverLoopState.PreAlertSent)
            .Permit(HandoverLoopTrigger.ArriveHospital, HandoverLoopState.Arrived)
            .Permit(HandoverLoopTrigger.Divert, HandoverLoopState.Redirected)
            .Permit(HandoverLoopTrigger.Cancel, HandoverLoopState.Cancelled);

        machine.Configure(HandoverLoopState.Arrived)
            .Permit(HandoverLoopTrigger.Handover, HandoverLoopState.TransferOfCare);

        machine.Configure(HandoverLoopState.TransferOfCare)
            .Permit(HandoverLoopTrigger.AcknowledgeTransfer, HandoverLoopState.TransferAcknowledged);

        machine.Configure(HandoverLoopState.Redirected)
            .Permit(HandoverLoopTrigger.AcknowledgeRedirect, HandoverLoopState.RedirectAcknowledged);

        machine.Configure(HandoverLoopState.Cancelled)
            .Permit(HandoverLoopTrigger.AcknowledgeCancel, HandoverLoopState.CancelAcknowledged);

        machine.Configure(HandoverLoopState.TransferAcknowledged);
        machine.Configure(HandoverLoopState.RedirectAcknowledged);
        machine.Configure(HandoverLoopState.CancelAcknowledged);
        return machine;
    }

    /// <summary>The triggers permitted in <paramref name="state"/>, in declaration order of <see cref="HandoverLoopTrigger"/>.</summary>
    public static IReadOnlyList<HandoverLoopTrigger> PermittedTriggers(HandoverLoopState state) => Table.Permitted(state);

    /// <summary>Where <paramref name="trigger"/> leads from <paramref name="state"/>, or null when it is not permitted.</summary>
    public static HandoverLoopState? Next(HandoverLoopState state, HandoverLoopTrigger trigger) => Table.Next(state, trigger);

    public static bool IsTerminal(HandoverLoopState state) =>
        state is HandoverLoopState.TransferAcknowledged or HandoverLoopState.RedirectAcknowledged or HandoverLoopState.CancelAcknowledged;

    public static string ToMermaid() => Table.Mermaid(HandoverLoopState.PreAlertSent);
}
