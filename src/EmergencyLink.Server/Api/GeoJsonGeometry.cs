using EmergencyLink.Domain.Geography;
using NetTopologySuite.Geometries;

namespace EmergencyLink.Server.Api;

/// <summary>An RFC 7946 geometry ([lon, lat] positions), as map clients draw it.</summary>
public sealed record GeoJsonGeometry(string Type, object Coordinates)
{
    public static GeoJsonGeometry Line(IEnumerable<GeoPoint> points) =>
        new("LineString", points.Select(p => new[] { Math.Round(p.Lon, 6), Math.Round(p.Lat, 6) }).ToArray());

    public static GeoJsonGeometry Polygon(Polygon polygon) =>
        new("Polygon", new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings)
            .Select(ring => ring.Coordinates.Select(c => new[] { Math.Round(c.X, 6), Math.Round(c.Y, 6) }).ToArray())
            .ToArray());
}
