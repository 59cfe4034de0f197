using EmergencyLink.Contracts;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Units;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmergencyLink.Grains;

/// <summary>
/// An ambulance. While it serves a case its status is the case's projection; the case drives it through
/// <see cref="FollowCaseAsync"/>. It reconciles with its case on activation, which repairs the window a crash can
/// leave between the two grains' writes (see <see cref="IncidentGrain"/>), and then periodically while it holds a
/// case, which repairs a unit step that failed while the process stayed up.
/// </summary>
public sealed class AmbulanceGrain(
    [PersistentState(StorageNames.Ambulance)] IPersistentState<AmbulanceRecord> state,
    TimeProvider time,
    ILiveFeed live,
    IOptions<ReconciliationOptions> reconciliation,
    ILogger<AmbulanceGrain> logger) : Grain, IAmbulanceGrain
{
    private AmbulanceSnapshot? committed;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var every = reconciliation.Value.Interval;
        this.RegisterGrainTimer(ReconcileIfStaleAsync, new GrainTimerCreationOptions(every, every) { KeepAlive = false });
        if (!state.State.Exists)
        {
            return;
        }

        committed = AmbulanceSnapshot.From(state.State);
        if (state.State.IncidentId is { } incidentId)
        {
            await ReconcileAsync(incidentId);
        }
    }

    private async Task ReconcileIfStaleAsync(CancellationToken cancellationToken)
    {
        if (state.State.IncidentId is { } incidentId
            && time.GetUtcNow() - state.State.StatusSince > reconciliation.Value.Grace)
        {
            await ReconcileAsync(incidentId);
        }
    }

    public Task<AmbulanceSnapshot?> GetAsync() => Task.FromResult(committed);

    public async Task<AmbulanceSnapshot> RegisterAsync(AmbulanceRegistration registration)
    {
        if (!state.State.Exists)
        {
            var now = time.GetUtcNow();
            state.State = new AmbulanceRecord
            {
                Id = this.GetPrimaryKeyString(),
                CallSign = registration.CallSign,
                Capability = registration.Capability,
                StationId = registration.StationId,
                Location = registration.Location,
                PositionAt = now,
                Status = UnitStatus.Available,
                StatusSince = now,
                Version = 1,
            };
            await CommitAsync();
        }

        await GrainFactory.GetGrain<IDispatchGrain>(GrainKeys.Region).EnrolAsync(committed!);
        return committed!;
    }

    public async Task<CommandResult<AmbulanceSnapshot>> DispatchAsync(string incidentId, string actor)
    {
        var unit = state.State;
        if (!unit.Exists)
        {
            return NotFound();
        }

        if (unit.IncidentId == incidentId)
        {
            return CommandResult<AmbulanceSnapshot>.Ok(committed!);
        }

        if (unit.IncidentId is not null)
        {
            return CommandResult<AmbulanceSnapshot>.Conflict(
                $"Unit {unit.Id} is busy: {unit.Status} on incident {unit.IncidentId}.");
        }

        if (!UnitWorkflow.IsFree(unit.Status))
        {
            return CommandResult<AmbulanceSnapshot>.Conflict($"Unit {unit.Id} is {unit.Status} and cannot be dispatched.");
        }

        Move(UnitTrigger.Dispatch);
        unit.IncidentId = incidentId;
        await CommitAsync();
        await PublishAsync();
        return CommandResult<AmbulanceSnapshot>.Ok(committed!);
    }

    public async Task<CommandResult<AmbulanceSnapshot>> FollowCaseAsync(string incidentId, CaseState caseState, UnitTrigger trigger)
    {
        var unit = state.State;
        if (!unit.Exists)
        {
            return NotFound();
        }

        if (unit.IncidentId != incidentId)
        {
            // A release of a case the unit no longer serves is already done (a retry, or reconciliation came first).
            return trigger == UnitTrigger.Clear
                ? CommandResult<AmbulanceSnapshot>.Ok(committed!)
                : CommandResult<AmbulanceSnapshot>.Conflict($"Unit {unit.Id} does not serve incident {incidentId}.");
        }

        var expected = trigger == UnitTrigger.Clear ? UnitStatus.Available : CaseUnitLink.UnitStatusFor(caseState);
        if (UnitWorkflow.Next(unit.Status, trigger) is not null)
        {
            Move(trigger);
        }
        else if (expected is { } status && status != unit.Status)
        {
            logger.LogWarning("Unit {Unit} was {Status} but its case {Incident} is {CaseState}; resynchronising",
                unit.Id, unit.Status, incidentId, caseState);
            SetStatus(status);
        }

        if (trigger == UnitTrigger.Clear)
        {
            unit.IncidentId = null;
        }

        await CommitAsync();
        await PublishAsync();
        return CommandResult<AmbulanceSnapshot>.Ok(committed!);
    }

    public async Task<CommandResult<AmbulanceSnapshot>> SetCrewStatusAsync(UnitStatus status, string actor)
    {
        var unit = state.State;
        if (!unit.Exists)
        {
            return NotFound();
        }

        if (unit.Status == status)
        {
            return CommandResult<AmbulanceSnapshot>.Ok(committed!);
        }

        if (CaseUnitLink.UnitTriggerForCrewStatus(status) is not { } trigger)
        {
            return CommandResult<AmbulanceSnapshot>.Invalid(
                $"A crew sets {UnitStatus.Available}, {UnitStatus.OutOfService} or {UnitStatus.Returning} directly; " +
                $"{status} is a step of the unit's case.");
        }

        if (unit.IncidentId is not null)
        {
            return CommandResult<AmbulanceSnapshot>.Conflict(
                $"Unit {unit.Id} serves incident {unit.IncidentId}; it can go {status} once the case releases it.",
                CrewStatusesFrom(unit.Status));
        }

        if (UnitWorkflow.Next(unit.Status, trigger) is null)
        {
            return CommandResult<AmbulanceSnapshot>.Conflict(
                $"Unit {unit.Id} cannot go from {unit.Status} to {status}.", CrewStatusesFrom(unit.Status));
        }

        logger.LogInformation("Unit {Unit} set {Status} by {Actor}", unit.Id, status, actor);
        Move(trigger);
        await CommitAsync();
        await PublishAsync();
        return CommandResult<AmbulanceSnapshot>.Ok(committed!);
    }

    public async Task<CommandResult<AmbulanceSnapshot>> ReportPositionAsync(PositionReport report)
    {
        var unit = state.State;
        if (!unit.Exists)
        {
            return NotFound();
        }

        unit.Location = report.Location;
        unit.Heading = report.Heading;
        unit.SpeedKmh = report.SpeedKmh;
        unit.PositionAt = time.GetUtcNow();
        unit.Version++;
        await CommitAsync();
        try
        {
            await GrainFactory.GetGrain<IDispatchGrain>(GrainKeys.Region).UpdateAsync(committed!);
            await live.UnitMovedAsync(committed!);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Publishing position of unit {Unit} failed", unit.Id);
        }

        return CommandResult<AmbulanceSnapshot>.Ok(committed!);
    }

    private static string[] CrewStatusesFrom(UnitStatus from) =>
        UnitWorkflow.PermittedTriggers(from)
            .Select(t => UnitWorkflow.Next(from, t))
            .OfType<UnitStatus>()
            .Where(s => CaseUnitLink.UnitTriggerForCrewStatus(s) is not null)
            .Select(s => s.ToString())
            .ToArray();

    private CommandResult<AmbulanceSnapshot> NotFound() =>
        CommandResult<AmbulanceSnapshot>.NotFound($"Ambulance {this.GetPrimaryKeyString()} does not exist.");

    private void Move(UnitTrigger trigger) =>
        SetStatus(UnitWorkflow.Next(state.State.Status, trigger)
                  ?? throw new InvalidOperationException($"{trigger} is not permitted from {state.State.Status}."));

    private void SetStatus(UnitStatus status)
    {
        state.State.Status = status;
        state.State.StatusSince = time.GetUtcNow();
        state.State.Version++;
    }

    /// <summary>
    /// The unit is right to hold a case only while that case names it and still holds a unit. Otherwise a crash
    /// struck between the two writes, and the case's committed state wins.
    /// </summary>
    private async Task ReconcileAsync(string incidentId)
    {
        var incident = await GrainFactory.GetGrain<IIncidentGrain>(incidentId).GetAsync();
        var unit = state.State;
        if (incident is not null && incident.AmbulanceId == unit.Id && CaseWorkflow.HoldsUnit(incident.State))
        {
            var expected = CaseUnitLink.UnitStatusFor(incident.State)!.Value;
            if (expected == unit.Status)
            {
                return;
            }

            logger.LogWarning("Unit {Unit} was {Status}; its case {Incident} is {CaseState}", unit.Id, unit.Status,
                incidentId, incident.State);
            SetStatus(expected);
        }
        else
        {
            logger.LogWarning("Unit {Unit} held case {Incident}, which does not hold it; releasing", unit.Id, incidentId);
            SetStatus(UnitStatus.Available);
            unit.IncidentId = null;
        }

        await CommitAsync();

        // Not awaited: the dispatch index may itself be activating and waiting on this unit's GetAsync.
        _ = PublishAsync();
    }

    private async Task CommitAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }

        committed = AmbulanceSnapshot.From(state.State);
    }

    private async Task PublishAsync()
    {
        try
        {
            await GrainFactory.GetGrain<IDispatchGrain>(GrainKeys.Region).UpdateAsync(committed!);
            await live.UnitChangedAsync(committed!);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Publishing unit {Unit} failed", state.State.Id);
        }
    }
}
