using System.Globalization;
using EmergencyLink.Domain.Geography;

namespace EmergencyLink.Consoles.Map;

/// <summary>
/// Degrees to metres on a plane, north up, origin at the region's north-west corner. An equirectangular projection
/// at the region's middle latitude is exact enough for a city-sized map and keeps the SVG in plain metres.
/// </summary>
public sealed record MapProjection(double West, double North, double MetresPerDegreeLon, double MetresPerDegreeLat)
{
    private const double MetresPerDegree = 111_320;

    public static MapProjection For(double west, double south, double east, double north)
    {
        var middle = (south + north) / 2 * Math.PI / 180;
        return new MapProjection(west, north, MetresPerDegree * Math.Cos(middle), MetresPerDegree);
    }

    public double X(GeoPoint p) => (p.Lon - West) * MetresPerDegreeLon;

    public double Y(GeoPoint p) => (North - p.Lat) * MetresPerDegreeLat;

    public GeoPoint Unproject(double x, double y) => new(North - y / MetresPerDegreeLat, West + x / MetresPerDegreeLon);

    /// <summary>SVG numbers: invariant culture, to the metre.</summary>
    public static string Number(double value) => Math.Round(value).ToString(CultureInfo.InvariantCulture);
}
