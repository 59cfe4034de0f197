using EmergencyLink.Domain.Geography;
using NetTopologySuite.Algorithm.Hull;
using NetTopologySuite.Geometries;

namespace EmergencyLink.Geo.Routing;

/// <summary>The area drivable within a time, as the concave hull of the road nodes reached.</summary>
public static class Isochrone
{
    /// <summary>
    /// Hull edges longer than <paramref name="maxEdgeMeters"/> are cut in, so a river or a park the roads do not cross
    /// stays outside; about twice a city block keeps the outline without lacing it between streets.
    /// </summary>
    public static Polygon Area(IReadOnlyList<GeoPoint> reached, double maxEdgeMeters = 600)
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var points = factory.CreateMultiPointFromCoords(reached.Select(p => new Coordinate(p.Lon, p.Lat)).Distinct().ToArray());
        var metersPerDegree = GeoPoint.EarthRadiusMeters * Math.PI / 180;
        var hull = reached.Count < 3
            ? points.Buffer(50 / metersPerDegree)
            : ConcaveHull.ConcaveHullByLength(points, maxEdgeMeters / metersPerDegree);
        return hull switch
        {
            Polygon polygon => polygon,
            _ => (Polygon)hull.ConvexHull().Buffer(10 / metersPerDegree),
        };
    }
}
