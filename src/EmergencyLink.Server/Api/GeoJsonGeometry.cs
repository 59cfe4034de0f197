using EmergencyLink.Domain.Geography;
using NetTopologySuite.Geometries;

namespace EmergencyLink.Server.Api;

/// <summary>An RFC 7946 geometry ([lon, lat] positions), as map clients draw it.</summary>
public sealed record GeoJsonGeometry(string Type, object Coordinates)
{
    public static GeoJsonGeometry Line(IEnumerable<GeoPoint> points) =>
        new("LineString", points.Select(p => new[] { Math.Round(p.Lon, 6), Math.Round(p.Lat, 6) }).ToArray());

    public static GeoJsonGeometry Polygon(Polygon polygon) => new("Polygon", Rings(polygon));

    /// <summary>An area of any number of parts, as a MultiPolygon (empty when there is none).</summary>
    public static GeoJsonGeometry Area(Geometry area) =>
        new("MultiPolygon", Enumerable.Range(0, area.NumGeometries).Select(area.GetGeometryN).OfType<Polygon>()
            .Where(p => !p.IsEmpty).Select(Rings).ToArray());

    private static double[][][] Rings(Polygon polygon) =>
        new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings)
            .Select(ring => ring.Coordinates.Select(c => new[] { Math.Round(c.X, 6), Math.Round(c.Y, 6) }).ToArray())
            .ToArray();
}
