using System.Globalization;
using EmergencyLink.Geo.Maps;
using NetTopologySuite.Geometries;

namespace EmergencyLink.Cli.Commands;

/// <summary>
/// A large synthetic street grid for routing benchmarks: n × n intersections 100 m apart, two-way streets, an
/// arterial every tenth line. Not a map to seed: only roads.
/// </summary>
public static class GridCity
{
    public static IReadOnlyList<RoadSegment> Roads(int n)
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        const double lat0 = 10.0, lon0 = 10.0, step = 100.0 / 111_320;
        var roads = new List<RoadSegment>(2 * n * n);
        Coordinate At(int x, int y) => new(Math.Round(lon0 + (x * step), 7), Math.Round(lat0 + (y * step), 7));
        for (var y = 0; y < n; y++)
        {
            for (var x = 0; x < n; x++)
            {
                if (x + 1 < n)
                {
                    roads.Add(Segment(roads.Count, y % 10 == 0, At(x, y), At(x + 1, y)));
                }

                if (y + 1 < n)
                {
                    roads.Add(Segment(roads.Count, x % 10 == 0, At(x, y), At(x, y + 1)));
                }
            }
        }

        return roads;

        RoadSegment Segment(int i, bool arterial, Coordinate a, Coordinate b) => new(
            string.Create(CultureInfo.InvariantCulture, $"g{i}"), null, arterial ? RoadClass.Primary : RoadClass.Residential,
            false, arterial ? 60 : 30, 1, factory.CreateLineString([a, b]));
    }
}
