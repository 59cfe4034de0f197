using EmergencyLink.Domain.Dispatch;
using EmergencyLink.Domain.Geography;

namespace EmergencyLink.Geo.Routing;

/// <summary>Estimates driving time from many units to one scene (one-to-many, as dispatch asks it).</summary>
public interface ITravelTimeEstimator
{
    /// <summary>
    /// One estimate per origin, in order; null where the scene cannot be reached from that origin. With
    /// <paramref name="enough"/>, only that many fastest origins need an estimate; the others may come back null.
    /// </summary>
    IReadOnlyList<TravelEstimate?> EstimateToScene(IReadOnlyList<GeoPoint> origins, GeoPoint scene, int? enough = null);
}
