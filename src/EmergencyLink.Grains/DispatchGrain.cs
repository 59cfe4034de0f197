using EmergencyLink.Contracts;
using EmergencyLink.Domain.Dispatch;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Geo.Routing;

namespace EmergencyLink.Grains;

/// <summary>
/// The fleet index. Units push their committed snapshots here; the index only pulls from units when it activates,
/// through their interleaving <see cref="IAmbulanceGrain.GetAsync"/>, so neither side can wait on the other.
/// </summary>
public sealed class DispatchGrain(
    [PersistentState(StorageNames.Roster)] IPersistentState<RosterState> state,
    ITravelTimeEstimator router) : Grain, IDispatchGrain
{
    private readonly Dictionary<string, AmbulanceSnapshot> units = new(StringComparer.Ordinal);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var loaded = await Task.WhenAll(state.State.UnitIds.Select(id => GrainFactory.GetGrain<IAmbulanceGrain>(id).GetAsync()));
        foreach (var unit in loaded.OfType<AmbulanceSnapshot>())
        {
            Index(unit);
        }
    }

    public async Task EnrolAsync(AmbulanceSnapshot unit)
    {
        if (!state.State.UnitIds.Contains(unit.Id))
        {
            state.State.UnitIds.Add(unit.Id);
            await state.WriteStateAsync();
        }

        Index(unit);
    }

    public Task UpdateAsync(AmbulanceSnapshot unit)
    {
        Index(unit);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AmbulanceSnapshot>> ListUnitsAsync() =>
        Task.FromResult<IReadOnlyList<AmbulanceSnapshot>>(
            units.Values.OrderBy(u => u.Id, StringComparer.Ordinal).ToArray());

    /// <summary>
    /// Every unit is estimated, busy ones too, so that a dispatcher who asks why a unit was left out also sees how
    /// long it would have taken; the one search from the scene costs the same for 20 units as for 2.
    /// </summary>
    public Task<UnitRanking> RecommendAsync(GeoPoint scene, int priority, int limit)
    {
        var candidates = units.Values
            .OrderBy(u => u.Id, StringComparer.Ordinal)
            .Select(u => new UnitCandidate(u.Id, u.CallSign, u.Capability, u.Status, u.Location))
            .ToArray();
        var estimates = router.EstimateToScene(candidates.Select(c => c.Location).ToArray(), scene);
        return Task.FromResult(UnitRecommender.Explain(priority, candidates, estimates, limit));
    }

    private void Index(AmbulanceSnapshot unit)
    {
        if (!units.TryGetValue(unit.Id, out var known) || known.Version <= unit.Version)
        {
            units[unit.Id] = unit;
        }
    }
}
