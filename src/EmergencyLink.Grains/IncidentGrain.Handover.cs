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
/// <para>
/// The timer lives in memory only: if the node holding the case dies, nothing would wake the case on another node until
/// somebody touched it. So while a pre-alert waits the case also keeps a persistent reminder (in the database, period
/// <see cref="HandoverOptions.EscalationReminderPeriod"/>); its tick activates the case wherever the cluster places it,
/// which re-arms the timer and runs the check at once.
/// </para>
/// </summary>
public sealed partial class IncidentGrain
{
    /// <summary>The reminder's name; its rows in the reminder table carry it.</summary>
    public const string EscalationReminder = "pre-alert-escalation";

    private IGrainTimer? escalationTimer;

    /// <summary>
    /// Whether the escalation reminder is in the reminder table as far as this activation knows; null until it knows.
    /// Concurrency: the case is not reentrant, its timer does not interleave (Orleans 10's default) and a reminder tick
    /// is a grain call, so activation, commands, timer ticks and reminder ticks run one at a time, each awaiting the
    /// reminder service inside its own turn. This field therefore changes only with the table, and the reminder is
    /// registered or removed only when "some pre-alert waits" changes, not on every call. One case has one activation;
    /// a new one (after its node died) finds the same row (keyed by case and name) instead of adding another.
    /// </summary>
    private bool? reminderRegistered;

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

        await ArmEscalationAsync();
    }

    /// <summary>
    /// The reminder's tick: wakes the case (on whichever node now holds it) while a pre-alert waits, re-arms the timer
    /// and checks at once. A tick for a case that no longer waits removes the reminder.
    /// </summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != EscalationReminder)
        {
            return;
        }

        // The tick proves the row exists, whatever this activation assumed when it started.
        reminderRegistered = true;
        await ArmEscalationAsync();
        if (escalationTimer is not null)
        {
            await EscalateDueAsync(CancellationToken.None);
        }
    }

    /// <summary>Keeps the escalation check running, and the reminder registered, exactly while some pre-alert waits.</summary>
    private async Task ArmEscalationAsync()
    {
        var waiting = state.State.Exists && HandoverLoops.AnyAwaitingPreAlert(state.State);
        if (waiting && escalationTimer is null)
        {
            var every = handover.Value.EscalationCheckInterval;
            escalationTimer = this.RegisterGrainTimer(EscalationTickAsync, new GrainTimerCreationOptions(every, every) { KeepAlive = true });
        }
        else if (!waiting && escalationTimer is not null)
        {
            escalationTimer.Dispose();
            escalationTimer = null;
        }

        await KeepReminderAsync(waiting);
    }

    /// <summary>
    /// Registers the reminder before a step that leaves a pre-alert waiting is committed: a node dying between the two
    /// then leaves at worst a reminder with nothing waiting (its next tick removes it), never a waiting pre-alert that
    /// nothing would wake.
    /// </summary>
    private async Task CoverWaitingPreAlertAsync()
    {
        if (reminderRegistered != true && state.State.Exists && HandoverLoops.AnyAwaitingPreAlert(state.State))
        {
            await KeepReminderAsync(waiting: true);
        }
    }

    private async Task EscalationTickAsync(CancellationToken cancellationToken)
    {
        // Retries a registration that failed (the database was away) without waiting for the next command.
        await KeepReminderAsync(waiting: true);
        await EscalateDueAsync(cancellationToken);
    }

    private async Task KeepReminderAsync(bool waiting)
    {
        if (reminderRegistered == waiting)
        {
            return;
        }

        if (!waiting && reminderRegistered is null)
        {
            // Looking would cost every activation of every case a table read; a reminder left over (a node died between
            // a commit and the removal) proves itself at its next tick, which then removes it.
            reminderRegistered = false;
            return;
        }

        try
        {
            if (waiting)
            {
                // An activation of a waiting case (often the one the reminder itself woke) keeps the row it finds:
                // re-registering would move its schedule for nothing.
                if (reminderRegistered is null && await this.GetReminder(EscalationReminder) is not null)
                {
                    reminderRegistered = true;
                    return;
                }

                var period = handover.Value.EscalationReminderPeriod;
                await this.RegisterOrUpdateReminder(EscalationReminder, period, period);
                reminderRegistered = true;
            }
            else
            {
                if (await this.GetReminder(EscalationReminder) is { } reminder)
                {
                    await this.UnregisterReminder(reminder);
                }

                reminderRegistered = false;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The case's step is committed either way; the timer tick or the next step tries again.
            logger.LogError(ex, "Case {Incident}: the escalation reminder could not be {Change}", this.GetPrimaryKeyString(),
                waiting ? "registered" : "removed");
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
