using EmergencyLink.Contracts;
using EmergencyLink.Domain.Alerts;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Documentation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmergencyLink.Grains;

/// <summary>
/// A case. It commits its own step first and then moves its unit, except for Assign, where the unit is claimed
/// first: claiming is the step that can fail (the unit is busy), and a claimed unit whose case did not commit is
/// released by the unit's reconciliation on its next activation (<see cref="AmbulanceGrain"/>).
/// </summary>
public sealed partial class IncidentGrain(
    [PersistentState(StorageNames.Incident)] IPersistentState<IncidentRecord> state,
    TimeProvider time,
    ILiveFeed live,
    ILogger<IncidentGrain> logger,
    IOptions<HandoverOptions> handover,
    EmergencyLinkMetrics metrics) : Grain, IIncidentGrain, IRemindable
{
    private IncidentSnapshot? committed;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        committed = state.State.Exists ? IncidentSnapshot.From(state.State) : null;
        committedGuidance = state.State.Exists ? state.State.Guidance.ToArray() : null;
        await ArmEscalationAsync();
    }

    public Task<IncidentSnapshot?> GetAsync() => Task.FromResult(committed);

    public async Task<CommandResult<IncidentSnapshot>> OpenAsync(NewIncident call, string actor)
    {
        if (state.State.Exists)
        {
            return CommandResult<IncidentSnapshot>.Conflict($"Incident {state.State.Id} exists already.");
        }

        state.State = IncidentCase.Open(this.GetPrimaryKeyString(), call, actor, time.GetUtcNow());
        await CommitAsync();

        // The registry is waiting on this call and tracks the returned snapshot itself; calling it back would deadlock.
        await PublishAsync(previousHospitalId: null, toRegistry: false);
        return CommandResult<IncidentSnapshot>.Created(committed!);
    }

    public async Task<CommandResult<IncidentSnapshot>> FireAsync(CaseCommand command, string actor)
    {
        var record = state.State;
        if (!record.Exists)
        {
            return CommandResult<IncidentSnapshot>.NotFound($"Incident {this.GetPrimaryKeyString()} does not exist.");
        }

        var check = IncidentCase.Check(record, command);
        if (!check.Accepted)
        {
            return Refusal(check);
        }

        if (command.Trigger == CaseTrigger.Assign)
        {
            var claim = await GrainFactory.GetGrain<IAmbulanceGrain>(command.AmbulanceId!).DispatchAsync(record.Id, actor);
            if (!claim.Succeeded)
            {
                return claim.Cast<IncidentSnapshot>();
            }
        }

        var from = record.State;
        var unitId = record.AmbulanceId ?? command.AmbulanceId;
        var previousHospitalId = record.HospitalId;
        var loopsBefore = record.HandoverLoops.ToArray();
        IncidentCase.Apply(record, command, actor, time.GetUtcNow());
        FollowCaseLoops(command.Trigger, actor);
        try
        {
            await CommitAsync();
        }
        catch when (command.Trigger == CaseTrigger.Assign)
        {
            // The unit was claimed for a step that did not commit: give it back now rather than at its next activation.
            await MoveUnitAsync(command.AmbulanceId!, Domain.Units.UnitTrigger.Clear, from);
            throw;
        }

        metrics.Transition(command.Trigger.ToString());
        var unitTrigger = CaseUnitLink.UnitTriggerFor(command.Trigger, from);
        if (unitTrigger is { } trigger && command.Trigger != CaseTrigger.Assign && unitId is not null)
        {
            await MoveUnitAsync(unitId, trigger, state.State.State);
        }

        await PublishAsync(previousHospitalId);
        await ForwardOpenAlertsAsync(previousHospitalId);
        await PushLoopChangesAsync(loopsBefore);
        return CommandResult<IncidentSnapshot>.Ok(committed!);
    }

    public async Task<CaseAlert?> RaiseAlertAsync(NewAlert alert, string actor)
    {
        if (!state.State.Exists)
        {
            return null;
        }

        var raised = CaseAlerts.Raise(state.State, alert, actor, time.GetUtcNow());
        if (raised is null)
        {
            return null;
        }

        await CommitAsync();
        logger.LogInformation("Case {Incident} alert {Alert} {Kind}: {Summary}", state.State.Id, raised.Id, raised.Kind, raised.Summary);
        metrics.AlertRaised(raised.Kind.ToString());
        await live.AlertRaisedAsync(committed!, raised);
        await PublishAsync(state.State.HospitalId);
        return raised;
    }

    public async Task<CommandResult<IReadOnlyList<CaseAlert>>> RecordAssessmentAsync(NewCareEntry assessment, IReadOnlyList<NewAlert> alerts, string actor)
    {
        var record = state.State;
        if (!record.Exists)
        {
            return CommandResult<IReadOnlyList<CaseAlert>>.NotFound($"Incident {this.GetPrimaryKeyString()} does not exist.");
        }

        var now = time.GetUtcNow();
        var recorded = CaseDocumentation.Record(record, assessment, actor, now);
        if (!recorded.Accepted)
        {
            return CommandResult<IReadOnlyList<CaseAlert>>.Invalid(recorded.Error!);
        }

        var raised = alerts.Select(a => CaseAlerts.Raise(record, a, actor, now)).OfType<CaseAlert>().ToArray();
        await CommitAsync();
        foreach (var alert in raised)
        {
            metrics.AlertRaised(alert.Kind.ToString());
            await live.AlertRaisedAsync(committed!, alert);
        }

        await PublishAsync(record.HospitalId);
        return CommandResult<IReadOnlyList<CaseAlert>>.Ok(raised);
    }

    public async Task<CommandResult<CaseAlert>> AcknowledgeAlertAsync(string alertId, string actor)
    {
        if (!state.State.Exists)
        {
            return CommandResult<CaseAlert>.NotFound($"Incident {this.GetPrimaryKeyString()} does not exist.");
        }

        var outcome = CaseAlerts.Acknowledge(state.State, alertId, actor, time.GetUtcNow());
        if (!outcome.Accepted)
        {
            return outcome.Alert is null
                ? CommandResult<CaseAlert>.NotFound(outcome.Error!)
                : CommandResult<CaseAlert>.Conflict(outcome.Error!);
        }

        await CommitAsync();
        await PublishAsync(state.State.HospitalId);
        return CommandResult<CaseAlert>.Ok(outcome.Alert!);
    }

    public async Task<CommandResult<CareEntry>> DocumentAsync(NewCareEntry entry, string actor)
    {
        if (!state.State.Exists)
        {
            return CommandResult<CareEntry>.NotFound($"Incident {this.GetPrimaryKeyString()} does not exist.");
        }

        return await CommitDocumentationAsync(CaseDocumentation.Record(state.State, entry, actor, time.GetUtcNow()));
    }

    public async Task<CommandResult<CareEntry>> AmendDocumentationAsync(
        string entryId, NewCareEntry? replacement, bool retract, string reason, string actor)
    {
        if (!state.State.Exists)
        {
            return CommandResult<CareEntry>.NotFound($"Incident {this.GetPrimaryKeyString()} does not exist.");
        }

        return await CommitDocumentationAsync(
            CaseDocumentation.Amend(state.State, entryId, replacement, retract, reason, actor, time.GetUtcNow()));
    }

    private async Task<CommandResult<CareEntry>> CommitDocumentationAsync(DocumentationOutcome outcome)
    {
        switch (outcome.Refusal)
        {
            case DocumentationRefusal.NotFound:
                return CommandResult<CareEntry>.NotFound(outcome.Error!);
            case DocumentationRefusal.Conflict:
                return CommandResult<CareEntry>.Conflict(outcome.Error!);
            case DocumentationRefusal.Invalid:
                return CommandResult<CareEntry>.Invalid(outcome.Error!);
        }

        await CommitAsync();
        await PublishAsync(state.State.HospitalId);
        return CommandResult<CareEntry>.Created(outcome.Entry!);
    }

    private static CommandResult<IncidentSnapshot> Refusal(TransitionOutcome check) => check.Kind switch
    {
        TransitionOutcomeKind.NotPermitted => CommandResult<IncidentSnapshot>.Conflict(
            check.Error!, check.PermittedTriggers.Select(t => t.ToString()).ToArray()),
        _ => CommandResult<IncidentSnapshot>.Invalid(check.Error!),
    };

    /// <summary>
    /// Writes the record; if the write fails the in-memory record may hold an uncommitted step, so the activation
    /// is dropped and the next call reloads what is on disk.
    /// </summary>
    private async Task CommitAsync()
    {
        await CoverWaitingPreAlertAsync();
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }

        committed = IncidentSnapshot.From(state.State);
        committedGuidance = state.State.Guidance.ToArray();
    }

    private async Task MoveUnitAsync(string unitId, Domain.Units.UnitTrigger trigger, CaseState caseState)
    {
        try
        {
            var moved = await GrainFactory.GetGrain<IAmbulanceGrain>(unitId)
                .FollowCaseAsync(this.GetPrimaryKeyString(), caseState, trigger);
            if (!moved.Succeeded)
            {
                logger.LogWarning("Unit {Unit} did not follow case {Incident} ({Trigger}): {Error}",
                    unitId, state.State.Id, trigger, moved.Error);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The case step is committed; the unit catches up when it next activates and reconciles.
            logger.LogError(ex, "Unit {Unit} could not follow case {Incident} ({Trigger})", unitId, state.State.Id, trigger);
        }
    }

    /// <summary>
    /// An alert pushed while the case had no destination reached dispatch only (no ED group to push to), and one pushed
    /// before a diversion reached the old ED: the ED that now receives the patient gets every alert no one has
    /// acknowledged yet, as raised, after its inbound board has the case. Acknowledged ones are in the case it receives.
    /// </summary>
    private async Task ForwardOpenAlertsAsync(string? previousHospitalId)
    {
        var snapshot = committed!;
        if (snapshot.HospitalId is not { } hospitalId || hospitalId == previousHospitalId)
        {
            return;
        }

        var open = snapshot.Alerts.Where(a => !a.Acknowledged).ToArray();
        if (open.Length == 0)
        {
            return;
        }

        try
        {
            await live.AlertsForDestinationAsync(hospitalId, snapshot, open);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Open alerts of case {Incident} could not be pushed to its destination {Hospital}", snapshot.Id, hospitalId);
        }
    }

    /// <summary>
    /// Tells the indexes and the viewers about a committed step. A failure here does not undo the step, which is
    /// already durable and acknowledged; it is logged.
    /// </summary>
    private async Task PublishAsync(string? previousHospitalId, bool toRegistry = true)
    {
        var snapshot = committed!;
        try
        {
            if (toRegistry)
            {
                await GrainFactory.GetGrain<IIncidentRegistryGrain>(GrainKeys.Region).TrackAsync(snapshot);
            }

            if (snapshot.HospitalId is { } hospitalId)
            {
                await GrainFactory.GetGrain<IHospitalGrain>(hospitalId).TrackCaseAsync(snapshot);
            }

            if (previousHospitalId is not null && previousHospitalId != snapshot.HospitalId)
            {
                await GrainFactory.GetGrain<IHospitalGrain>(previousHospitalId).TrackCaseAsync(snapshot);
            }

            await live.IncidentChangedAsync(snapshot);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Publishing case {Incident} failed", snapshot.Id);
        }
    }
}
