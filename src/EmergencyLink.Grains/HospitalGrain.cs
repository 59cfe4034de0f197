using EmergencyLink.Contracts;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Handover;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmergencyLink.Grains;

/// <summary>
/// A receiving hospital. Cases push their committed snapshots here; the hospital never calls a case, so the two
/// can never wait on each other.
/// </summary>
public sealed class HospitalGrain(
    [PersistentState(StorageNames.Hospital)] IPersistentState<HospitalState> state,
    TimeProvider time,
    ILiveFeed live,
    ILogger<HospitalGrain> logger,
    IOptions<HandoverOptions> handover) : Grain, IHospitalGrain
{
    private HospitalSnapshot? committed;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        committed = state.State.Exists ? Snapshot() : null;
        return Task.CompletedTask;
    }

    public async Task<HospitalSnapshot> RegisterAsync(HospitalRegistration registration)
    {
        if (!state.State.Exists)
        {
            state.State = new HospitalState
            {
                Id = this.GetPrimaryKeyString(),
                Name = registration.Name,
                Location = registration.Location,
                Capabilities = registration.Capabilities,
                EdBeds = registration.EdBeds,
                EdBedsFree = registration.EdBedsFree,
                UpdatedAt = time.GetUtcNow(),
                UpdatedBy = "seed",
            };
            await CommitAsync();
        }

        return committed!;
    }

    public Task<HospitalSnapshot?> GetAsync() => Task.FromResult(committed);

    public async Task<CommandResult<HospitalSnapshot>> UpdateStatusAsync(HospitalStatusUpdate update, string actor)
    {
        var hospital = state.State;
        if (!hospital.Exists)
        {
            return CommandResult<HospitalSnapshot>.NotFound($"Hospital {this.GetPrimaryKeyString()} does not exist.");
        }

        if (update.EdBedsFree is { } free && (free < 0 || free > hospital.EdBeds))
        {
            return CommandResult<HospitalSnapshot>.Invalid(
                $"edBedsFree must be between 0 and the ED's {hospital.EdBeds} beds.");
        }

        hospital.Diversion = update.Diversion ?? hospital.Diversion;
        hospital.EdBedsFree = update.EdBedsFree ?? hospital.EdBedsFree;
        hospital.UpdatedAt = time.GetUtcNow();
        hospital.UpdatedBy = actor;
        await CommitAsync();
        logger.LogInformation("Hospital {Hospital} status by {Actor}: diversion {Diversion}, {Free} ED beds free",
            hospital.Id, actor, hospital.Diversion, hospital.EdBedsFree);
        await PublishAsync();
        return CommandResult<HospitalSnapshot>.Ok(committed!);
    }

    public async Task TrackCaseAsync(IncidentSnapshot incident)
    {
        var hospital = state.State;
        if (!hospital.Exists)
        {
            return;
        }

        var inbound = incident.HospitalId == hospital.Id && CaseWorkflow.IsInbound(incident.State);
        var known = hospital.Inbound.TryGetValue(incident.Id, out var previous);

        // The handover snapshot carries the transfer of care; later ones (the crew's confirmation, close) add nothing.
        var offload = incident.HandoverLoops.LastOrDefault(l => l.HospitalId == hospital.Id) is { } loop
            ? OffloadSample.From(incident.Id, incident.AmbulanceId, loop)
            : null;
        if (offload is not null && OffloadStatistics.Record(hospital.Offloads, offload, Math.Max(1, handover.Value.OffloadHistory)))
        {
            logger.LogInformation("Hospital {Hospital}: case {Incident} offloaded in {Interval}", hospital.Id, incident.Id, offload.Interval);
            await CommitAsync();
        }

        if (inbound)
        {
            // Snapshots of one case arrive in order, but a stale one must never overwrite a newer one.
            if (known && previous!.Timeline.Count >= incident.Timeline.Count)
            {
                return;
            }

            hospital.Inbound[incident.Id] = incident;
            await CommitAsync();
            await live.InboundChangedAsync(hospital.Id, incident);
        }
        else if (known)
        {
            hospital.Inbound.Remove(incident.Id);
            await CommitAsync();
            await live.InboundRemovedAsync(hospital.Id, incident.Id, incident.State);
        }
        else
        {
            return;
        }

        await PublishAsync();
    }

    public Task<IReadOnlyList<IncidentSnapshot>> GetInboundAsync() =>
        Task.FromResult<IReadOnlyList<IncidentSnapshot>>(
            state.State.Inbound.Values.OrderBy(i => i.Priority).ThenBy(i => i.CreatedAt).ToArray());

    public Task<OffloadReport?> GetOffloadAsync()
    {
        var hospital = state.State;
        if (!hospital.Exists)
        {
            return Task.FromResult<OffloadReport?>(null);
        }

        var intervals = hospital.Offloads.Select(o => o.Interval).ToArray();
        var recent = hospital.Offloads.AsEnumerable().Reverse().Take(Math.Max(0, handover.Value.OffloadRecent)).ToArray();
        return Task.FromResult<OffloadReport?>(new OffloadReport(hospital.Id, intervals.Length,
            OffloadStatistics.Median(intervals)?.TotalSeconds, OffloadStatistics.Centile(intervals, 90)?.TotalSeconds, recent));
    }

    private HospitalSnapshot Snapshot()
    {
        var h = state.State;
        return new HospitalSnapshot(h.Id, h.Name, h.Location, h.Capabilities, h.Diversion, h.EdBeds, h.EdBedsFree,
            h.UpdatedAt, h.Inbound.Count);
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

        committed = Snapshot();
    }

    private async Task PublishAsync()
    {
        try
        {
            await live.HospitalChangedAsync(committed!);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Publishing hospital {Hospital} failed", state.State.Id);
        }
    }
}
