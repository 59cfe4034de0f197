using EmergencyLink.Domain.Dispatch;
using EmergencyLink.Domain.Geography;

namespace EmergencyLink.Geo.Routing;

/// <summary>
/// Straight-line distance times a circuity factor, at an average emergency speed. A stand-in the road router
/// replaces behind <see cref="ITravelTimeEstimator"/>; it ranks units in the right order where roads are dense and
/// says nothing of rivers, one-way streets or motorways.
/// </summary>
public sealed class StraightLineTravelTimeEstimator(StraightLineOptions options) : ITravelTimeEstimator
{
    public IReadOnlyList<TravelEstimate?> EstimateToScene(IReadOnlyList<GeoPoint> origins, GeoPoint scene, int? enough = null)
    {
        var metersPerSecond = options.EmergencySpeedKmh / 3.6;
        var result = new TravelEstimate?[origins.Count];
        for (var i = 0; i < origins.Count; i++)
        {
            var meters = origins[i].DistanceMetersTo(scene) * options.CircuityFactor;
            result[i] = new TravelEstimate(meters / metersPerSecond, meters);
        }

        return result;
    }
}
