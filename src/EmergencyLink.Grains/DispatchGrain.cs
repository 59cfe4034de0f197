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
    ITravelTimeEstimator router,
    TimeProvider time,
    EmergencyLinkMetrics metrics) : Grain, IDispatchGrain
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
    /// Explained, every unit is estimated, busy ones too, so the dispatcher sees how long a unit left out would have
    /// taken. Otherwise only eligible units are searched for, and the search stops at the limit-th fastest: on a large
    /// region that is the difference between settling the whole graph and a few hundred nodes.
    /// </summary>
    public Task<UnitRanking> RecommendAsync(GeoPoint scene, int priority, int limit, bool explain)
    {
        using var activity = EmergencyLinkMetrics.Activities.StartActivity("recommend units");
        activity?.SetTag("emergencylink.priority", priority);
        activity?.SetTag("emergencylink.units", units.Count);
        var started = time.GetTimestamp();
        var all = units.Values
            .OrderBy(u => u.Id, StringComparer.Ordinal)
            .Select(u => new UnitCandidate(u.Id, u.CallSign, u.Capability, u.Status, u.Location))
            .ToArray();
        var ranking = explain
            ? UnitRecommender.Explain(priority, all, Estimate(all, scene, null), limit)
            : new UnitRanking(UnitRecommender.Recommend(priority, all, limit, (candidates, enough) => Estimate(candidates, scene, enough)), []);
        metrics.Recommended(time.GetElapsedTime(started), explain);
        return Task.FromResult(ranking);
    }

    private IReadOnlyList<TravelEstimate?> Estimate(IReadOnlyList<UnitCandidate> candidates, GeoPoint scene, int? enough) =>
        router.EstimateToScene(candidates.Select(c => c.Location).ToArray(), scene, enough);

    private void Index(AmbulanceSnapshot unit)
    {
        if (!units.TryGetValue(unit.Id, out var known) || known.Version <= unit.Version)
        {
            units[unit.Id] = unit;
        }
    }
}
