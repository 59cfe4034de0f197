using System.Globalization;
using EmergencyLink.Contracts;
using EmergencyLink.Domain.Cases;
using Microsoft.Extensions.Logging;

namespace EmergencyLink.Grains;

/// <summary>
/// Numbers and lists the region's cases. Snapshots are kept in memory and rebuilt from the cases on activation;
/// only the counter and the open/ended lists are persisted, so an ordinary case step costs no write here.
/// </summary>
public sealed class IncidentRegistryGrain(
    [PersistentState(StorageNames.Registry)] IPersistentState<RegistryState> state,
    ILogger<IncidentRegistryGrain> logger) : Grain, IIncidentRegistryGrain
{
    public const int RecentlyEndedKept = 200;

    private readonly Dictionary<string, IncidentSnapshot> snapshots = new(StringComparer.Ordinal);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var ids = state.State.Open.Concat(state.State.RecentlyEnded).Distinct().ToArray();
        var loaded = await Task.WhenAll(ids.Select(id => GrainFactory.GetGrain<IIncidentGrain>(id).GetAsync()));
        foreach (var snapshot in loaded.OfType<IncidentSnapshot>())
        {
            snapshots[snapshot.Id] = snapshot;
        }

        // A number handed out just before a crash, whose case never committed, is not an open case.
        var orphans = state.State.Open.Where(id => !snapshots.ContainsKey(id)).ToArray();
        if (orphans.Length > 0)
        {
            logger.LogWarning("Dropping {Count} incident numbers whose case never opened: {Ids}", orphans.Length,
                string.Join(", ", orphans));
            state.State.Open.RemoveAll(orphans.Contains);
            await state.WriteStateAsync();
        }
    }

    public async Task<CommandResult<IncidentSnapshot>> OpenAsync(NewIncident call, string actor)
    {
        var number = state.State.LastNumber + 1;
        var id = string.Create(CultureInfo.InvariantCulture, $"INC-{number:D6}");
        state.State.LastNumber = number;
        state.State.Open.Add(id);
        await WriteAsync();

        // The case publishes back to TrackAsync, which cannot run while this call waits; it is tracked from the
        // returned snapshot instead, and TrackAsync ignores snapshots that are not newer.
        var opened = await GrainFactory.GetGrain<IIncidentGrain>(id).OpenAsync(call, actor);
        if (opened.Value is { } snapshot)
        {
            snapshots[id] = snapshot;
        }

        return opened;
    }

    public async Task TrackAsync(IncidentSnapshot incident)
    {
        if (snapshots.TryGetValue(incident.Id, out var known) && known.Timeline.Count >= incident.Timeline.Count)
        {
            return;
        }

        snapshots[incident.Id] = incident;
        if (CaseWorkflow.IsTerminal(incident.State) && state.State.Open.Remove(incident.Id))
        {
            state.State.RecentlyEnded.Add(incident.Id);
            var excess = state.State.RecentlyEnded.Count - RecentlyEndedKept;
            if (excess > 0)
            {
                foreach (var gone in state.State.RecentlyEnded.Take(excess))
                {
                    snapshots.Remove(gone);
                }

                state.State.RecentlyEnded.RemoveRange(0, excess);
            }

            await WriteAsync();
        }
        else if (!CaseWorkflow.IsTerminal(incident.State) && !state.State.Open.Contains(incident.Id))
        {
            state.State.Open.Add(incident.Id);
            await WriteAsync();
        }
    }

    public Task<IReadOnlyList<IncidentSnapshot>> ListAsync(bool openOnly) =>
        Task.FromResult<IReadOnlyList<IncidentSnapshot>>(snapshots.Values
            .Where(s => !openOnly || !CaseWorkflow.IsTerminal(s.State))
            .OrderByDescending(s => s.CreatedAt)
            .ThenByDescending(s => s.Id, StringComparer.Ordinal)
            .ToArray());

    private async Task WriteAsync()
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
    }
}
