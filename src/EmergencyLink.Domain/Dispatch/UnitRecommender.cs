using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Units;

namespace EmergencyLink.Domain.Dispatch;

/// <summary>Ranks free units for a case by estimated arrival time.</summary>
public static class UnitRecommender
{
    /// <summary>
    /// Free units only (Available or Returning). Priority 1 needs an ALS crew (DESIGN.md), so BLS units are left out
    /// while any ALS unit can reach the scene; if none can, BLS units are offered, because a BLS crew with a
    /// defibrillator now beats an ALS crew that does not exist. Ties on ETA go to the shorter distance, then the id,
    /// so the ranking is stable.
    /// </summary>
    /// <remarks>
    /// The same ranking as <see cref="Explain"/> without building the list of the left-out, which is every other unit of
    /// the fleet: on the path of every recommendation that list cost more than the rest of the ranking.
    /// </remarks>
    public static IReadOnlyList<UnitRecommendation> Rank(
        int priority,
        IReadOnlyList<UnitCandidate> candidates,
        IReadOnlyList<TravelEstimate?> estimates,
        int limit)
    {
        CheckOnePerCandidate(candidates, estimates);
        var reachable = new List<UnitRecommendation>();
        for (var i = 0; i < candidates.Count; i++)
        {
            if (UnitWorkflow.IsFree(candidates[i].Status) && estimates[i] is { } estimate)
            {
                reachable.Add(Recommendation(candidates[i], estimate));
            }
        }

        if (priority == CasePriority.Highest && reachable.Exists(r => r.Capability == UnitCapability.ALS))
        {
            reachable.RemoveAll(r => r.Capability != UnitCapability.ALS);
        }

        return Ordered(reachable).Take(Math.Max(0, limit)).ToArray();
    }

    /// <summary>
    /// The ranking alone, asking the router only about eligible units and only for the <paramref name="limit"/>
    /// fastest (<paramref name="estimate"/> takes the candidates and how many fastest are enough). For priority 1
    /// the ALS units are tried first, and all free units only if no ALS unit can come.
    /// </summary>
    public static IReadOnlyList<UnitRecommendation> Recommend(
        int priority,
        IReadOnlyList<UnitCandidate> units,
        int limit,
        Func<IReadOnlyList<UnitCandidate>, int, IReadOnlyList<TravelEstimate?>> estimate)
    {
        var free = units.Where(u => UnitWorkflow.IsFree(u.Status)).ToArray();
        if (priority == CasePriority.Highest)
        {
            var als = free.Where(u => u.Capability == UnitCapability.ALS).ToArray();
            var ranked = als.Length == 0 ? [] : Rank(priority, als, estimate(als, limit), limit);
            if (ranked.Count > 0)
            {
                return ranked;
            }
        }

        return Rank(priority, free, estimate(free, limit), limit);
    }

    /// <summary>The ranking with every unit it leaves out and why: busy, out of service, unreachable, not ALS.</summary>
    public static UnitRanking Explain(
        int priority,
        IReadOnlyList<UnitCandidate> candidates,
        IReadOnlyList<TravelEstimate?> estimates,
        int limit)
    {
        CheckOnePerCandidate(candidates, estimates);
        var excluded = new List<UnitExclusion>();
        var reachable = new List<UnitRecommendation>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var (unit, estimate) = (candidates[i], estimates[i]);
            var reason = unit.Status switch
            {
                UnitStatus.OutOfService => "out of service",
                _ when !UnitWorkflow.IsFree(unit.Status) => $"busy ({unit.Status})",
                _ when estimate is null => "cannot reach the scene by road",
                _ => null,
            };
            if (reason is null)
            {
                reachable.Add(Recommendation(unit, estimate!));
            }
            else
            {
                excluded.Add(new UnitExclusion(unit.AmbulanceId, unit.CallSign, unit.Status, unit.Capability, estimate?.Seconds, reason));
            }
        }

        if (priority == CasePriority.Highest && reachable.Any(r => r.Capability == UnitCapability.ALS))
        {
            excluded.AddRange(reachable.Where(r => r.Capability != UnitCapability.ALS).Select(r =>
                new UnitExclusion(r.AmbulanceId, r.CallSign, r.Status, r.Capability, r.EtaSeconds, "priority 1 needs ALS")));
            reachable.RemoveAll(r => r.Capability != UnitCapability.ALS);
        }

        var ordered = Ordered(reachable).ToArray();
        excluded.AddRange(ordered.Skip(Math.Max(0, limit)).Select(r =>
            new UnitExclusion(r.AmbulanceId, r.CallSign, r.Status, r.Capability, r.EtaSeconds, "beyond the requested number")));
        return new UnitRanking(
            ordered.Take(Math.Max(0, limit)).ToArray(),
            excluded.OrderBy(e => e.EtaSeconds ?? double.MaxValue).ThenBy(e => e.AmbulanceId, StringComparer.Ordinal).ToArray());
    }

    private static IEnumerable<UnitRecommendation> Ordered(IEnumerable<UnitRecommendation> reachable) => reachable
        .OrderBy(r => r.EtaSeconds)
        .ThenBy(r => r.DistanceMeters)
        .ThenBy(r => r.AmbulanceId, StringComparer.Ordinal);

    private static UnitRecommendation Recommendation(UnitCandidate unit, TravelEstimate estimate) =>
        new(unit.AmbulanceId, unit.CallSign, estimate.Seconds, estimate.Meters, unit.Capability, unit.Status);

    private static void CheckOnePerCandidate(IReadOnlyList<UnitCandidate> candidates, IReadOnlyList<TravelEstimate?> estimates)
    {
        if (candidates.Count != estimates.Count)
        {
            throw new ArgumentException("One estimate per candidate is needed.", nameof(estimates));
        }
    }
}
