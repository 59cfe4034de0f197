using EmergencyLink.Domain.Dispatch;
using EmergencyLink.Domain.Geography;
using Orleans.Concurrency;

namespace EmergencyLink.Contracts;

/// <summary>
/// The fleet index of a region (key "default"): every unit's latest snapshot, kept in memory and fed by the units
/// themselves, so listing and ranking units never fans out to every ambulance grain.
/// </summary>
public interface IDispatchGrain : IGrainWithStringKey
{
    /// <summary>Adds a unit to the persisted roster (idempotent) and indexes its snapshot.</summary>
    Task EnrolAsync(AmbulanceSnapshot unit);

    /// <summary>Indexes a newer snapshot of an enrolled unit; older versions are ignored.</summary>
    Task UpdateAsync(AmbulanceSnapshot unit);

    [AlwaysInterleave]
    Task<IReadOnlyList<AmbulanceSnapshot>> ListUnitsAsync();

    /// <summary>
    /// Units ranked by travel time to the scene. With <paramref name="explain"/>, every unit left out too, with its
    /// time and the reason; without, the search stops at the <paramref name="limit"/> fastest eligible units.
    /// </summary>
    [AlwaysInterleave]
    Task<UnitRanking> RecommendAsync(GeoPoint scene, int priority, int limit, bool explain);
}
