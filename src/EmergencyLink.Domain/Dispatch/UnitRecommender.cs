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
    public static IReadOnlyList<UnitRecommendation> Rank(
        int priority,
        IReadOnlyList<UnitCandidate> candidates,
        IReadOnlyList<TravelEstimate?> estimates,
        int limit)
    {
        if (candidates.Count != estimates.Count)
        {
            throw new ArgumentException("One estimate per candidate is needed.", nameof(estimates));
        }

        var reachable = candidates
            .Select((unit, i) => (unit, estimate: estimates[i]))
            .Where(x => x.estimate is not null && UnitWorkflow.IsFree(x.unit.Status))
            .Select(x => new UnitRecommendation(x.unit.AmbulanceId, x.unit.CallSign, x.estimate!.Seconds,
                x.estimate.Meters, x.unit.Capability, x.unit.Status))
            .ToList();

        if (priority == CasePriority.Highest && reachable.Any(r => r.Capability == UnitCapability.ALS))
        {
            reachable.RemoveAll(r => r.Capability != UnitCapability.ALS);
        }

        return reachable
            .OrderBy(r => r.EtaSeconds)
            .ThenBy(r => r.DistanceMeters)
            .ThenBy(r => r.AmbulanceId, StringComparer.Ordinal)
            .Take(Math.Max(0, limit))
            .ToArray();
    }
}
