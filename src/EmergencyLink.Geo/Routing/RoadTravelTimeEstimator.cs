using EmergencyLink.Domain.Dispatch;
using EmergencyLink.Domain.Geography;

namespace EmergencyLink.Geo.Routing;

/// <summary>Travel times by the road: every unit and the scene snapped to the network, one search from the scene.</summary>
public sealed class RoadTravelTimeEstimator(RoadGraph graph) : ITravelTimeEstimator
{
    public IReadOnlyList<TravelEstimate?> EstimateToScene(IReadOnlyList<GeoPoint> origins, GeoPoint scene)
    {
        if (graph.Snap(scene) is not { } target)
        {
            return new TravelEstimate?[origins.Count];
        }

        var costs = graph.CostsToScene(origins.Select(graph.Snap).ToArray(), target);
        return costs.Select(c => c is null ? null : new TravelEstimate(c.Seconds, c.Meters)).ToArray();
    }
}
