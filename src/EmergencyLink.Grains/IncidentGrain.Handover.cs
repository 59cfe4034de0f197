using EmergencyLink.Contracts;
using EmergencyLink.Domain.Handover;
using Microsoft.Extensions.Logging;

namespace EmergencyLink.Grains;

/// <summary>
/// The case's handover loops with the EDs it pre-alerted (<see cref="HandoverLoops"/> has the rules). Kept apart from the
/// case's own commands so the two change independently.
/// <para>
/// Escalation: while any loop waits on a pre-alert acknowledgement, a grain timer checks every
/// <see cref="HandoverOptions.EscalationCheckInterval"/> whether the next level is due by the injected clock against the
/// stamped pre-alert (Orleans 10 also schedules the timer on that clock). The timer keeps the case active meanwhile, and
/// every activation re-arms it from the persisted loops. After a restart nobody need touch the case: the seeder registers
/// every unit on start, a unit on a case reconciles with it on activation, and a pre-alert can only wait while a unit
/// holds the case (on scene or transporting). The case then escalates once to whatever level fell due while it was down.
/// </para>
/// </summary>
public sealed partial class IncidentGrain
{
    private IGrainTimer? escalationTimer;

    public async Task<CommandResult<HandoverLoop>> SendPreAlertAsync(string hospitalId, string? message, string actor)
    {
        if (!state.State.Exists)
        {
            return CommandResult<HandoverLoop>.NotFound($"Incident {this.GetPrimaryKeyString()} does not exist.");
        }

        var before = state.State.HandoverLoops.ToArray();
        return await LoopStepAsync(HandoverLoops.SendPreAlert(state.State, hospitalId, message, actor, time.GetUtcNow()), before);
    }

    public async Task<CommandResult<HandoverLoop>> AcknowledgeHandoverLoopAsync(string hospitalId, string? loopId, string actor)
    {
        if (!state.State.Exists)
        {
            return CommandResult<HandoverLoop>.NotFound($"Incident {this.GetPrimaryKeyString()} does not exist.");
        }

        var before = state.State.HandoverLoops.ToArray();
        return await LoopStepAsync(HandoverLoops.AcknowledgeByEd(state.State, hospitalId, loopId, actor, time.GetUtcNow()), before);
    }

    public async Task<CommandResult<HandoverLoop>> AcknowledgeTransferAsync(string actor)
    {
        if (!state.State.Exists)
        {
            return CommandResult<HandoverLoop>.NotFound($"Incident {this.GetPrimaryKeyString()} does not exist.");
        }

        var before = state.State.HandoverLoops.ToArray();
        return await LoopStepAsync(HandoverLoops.AcknowledgeTransfer(state.State, actor, time.GetUtcNow()), before);
    }

    private async Task<CommandResult<HandoverLoop>> LoopStepAsync(HandoverOutcome outcome, HandoverLoop[] before)
    {
        if (!outcome.Accepted)
        {
            return outcome.Kind switch
            {
                HandoverOutcomeKind.NotFound => CommandResult<HandoverLoop>.NotFound(outcome.Error!),
                HandoverOutcomeKind.Invalid => CommandResult<HandoverLoop>.Invalid(outcome.Error!),
                _ => CommandResult<HandoverLoop>.Conflict(outcome.Error!,
                    outcome.Loop is null ? null : HandoverLoopWorkflow.PermittedTriggers(outcome.Loop.State).Select(t => t.ToString()).ToArray()),
            };
        }

        await CommitAsync();
        await PublishAsync(state.State.HospitalId);
        await PushLoopChangesAsync(before);
        return CommandResult<HandoverLoop>.Ok(outcome.Loop!);
    }

    /// <summary>Moves the loops after a case step, stamped as that step's timeline entry is.</summary>
    private void FollowCaseLoops(Domain.Cases.CaseTrigger trigger, string actor) =>
        HandoverLoops.FollowCase(state.State, trigger, actor, state.State.Timeline[^1].At);

    /// <summary>Tells each changed loop's ED and dispatch about the committed change, then re-arms escalation.</summary>
    private async Task PushLoopChangesAsync(HandoverLoop[] before)
    {
        var snapshot = committed!;
        var after = snapshot.HandoverLoops;
        for (var i = 0; i < after.Count; i++)
        {
            if (i < before.Length && ReferenceEquals(after[i], before[i]))
            {
                continue;
            }

            try
            {
                await live.HandoverLoopChangedAsync(snapshot, after[i]);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Handover loop {Loop} of case {Incident} could not be pushed to {Hospital}", after[i].Id, snapshot.Id, after[i].HospitalId);
            }
        }

        ArmEscalation();
    }

    /// <summary>Keeps the escalation check running exactly while some pre-alert waits for its acknowledgement.</summary>
    private void ArmEscalation()
    {
        var waiting = state.State.Exists && HandoverLoops.AnyAwaitingPreAlert(state.State);
        if (waiting && escalationTimer is null)
        {
            var every = handover.Value.EscalationCheckInterval;
            escalationTimer = this.RegisterGrainTimer(EscalateDueAsync, new GrainTimerCreationOptions(every, every) { KeepAlive = true });
        }
        else if (!waiting && escalationTimer is not null)
        {
            escalationTimer.Dispose();
            escalationTimer = null;
        }
    }

    private async Task EscalateDueAsync(CancellationToken cancellationToken)
    {
        var escalated = HandoverLoops.Escalate(state.State, handover.Value.PreAlertEscalationAfter, time.GetUtcNow());
        if (escalated.Count == 0)
        {
            return;
        }

        await CommitAsync();
        foreach (var loop in escalated)
        {
            logger.LogWarning("Case {Incident}: pre-alert {Loop} to {Hospital} unacknowledged, escalated to level {Level}",
                state.State.Id, loop.Id, loop.HospitalId, loop.EscalationLevel);
            try
            {
                await live.PreAlertEscalatedAsync(committed!, loop);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Escalation of pre-alert {Loop} of case {Incident} could not be pushed", loop.Id, state.State.Id);
            }
        }

        await PublishAsync(state.State.HospitalId);
    }
}
