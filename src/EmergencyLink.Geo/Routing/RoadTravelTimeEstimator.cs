using System.Collections.Concurrent;
using EmergencyLink.Domain.Dispatch;
using EmergencyLink.Domain.Geography;

namespace EmergencyLink.Geo.Routing;

/// <summary>
/// Travel times by the road: every unit and the scene snapped to the network, one search from the scene. Units
/// report the same position many times between moves, so their snaps are remembered by position.
/// </summary>
public sealed class RoadTravelTimeEstimator(RoadGraph graph) : ITravelTimeEstimator
{
    private const int SnapCacheLimit = 100_000;
    private readonly ConcurrentDictionary<GeoPoint, RoadSnap?> snaps = new();

    public IReadOnlyList<TravelEstimate?> EstimateToScene(IReadOnlyList<GeoPoint> origins, GeoPoint scene, int? enough = null)
    {
        if (graph.Snap(scene) is not { } target)
        {
            return new TravelEstimate?[origins.Count];
        }

        var costs = graph.CostsToScene(origins.Select(SnapRemembered).ToArray(), target, enough);
        return costs.Select(c => c is null ? null : new TravelEstimate(c.Seconds, c.Meters)).ToArray();
    }

    private RoadSnap? SnapRemembered(GeoPoint point)
    {
        if (snaps.TryGetValue(point, out var known))
        {
            return known;
        }

        if (snaps.Count >= SnapCacheLimit)
        {
            // Positions of a moving fleet pile up; starting over is simpler than ageing and costs one snap each.
            snaps.Clear();
        }

        return snaps[point] = graph.Snap(point);
    }
}
