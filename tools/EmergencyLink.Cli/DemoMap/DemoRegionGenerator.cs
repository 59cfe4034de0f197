using System.Globalization;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Hospitals;
using EmergencyLink.Domain.Units;
using EmergencyLink.Geo.Maps;
using NetTopologySuite.Geometries;

namespace EmergencyLink.Cli.DemoMap;

/// <summary>
/// Calder Bay, a fictional city of about 12 × 10 km placed in the open North Atlantic (around 44.0 N, 38.0 W) so
/// that it can never be mistaken for a real place. A jittered street grid with a motorway ring, boulevards every
/// 2.4 km, a river crossed by seven bridges only, one-way pairs downtown, pruned residential streets (cul-de-sacs)
/// and a diagonal avenue. The road graph is cut to its strongly connected core, so every road can be driven to and
/// from every other one. Everything is drawn from one seeded <see cref="SplitMix64"/> in a fixed order.
/// </summary>
public static class DemoRegionGenerator
{
    public const ulong DefaultSeed = 0x43414C444552UL;

    private const int Cols = 41;
    private const int Rows = 34;
    private const double Spacing = 300;
    private const double Margin = 250;
    private const double Lat0 = 43.955;
    private const double Lon0 = -38.075;

    // Metres per degree at 44° N (WGS 84 ellipsoid, rounded): accurate to well under 0.1 % across the city.
    private const double MetersPerDegreeLat = 111_141;
    private const double MetersPerDegreeLon = 80_078;

    private const int RiverRow = 17;
    private const int RingLow = 2;

    private static readonly string[] StationNames =
        ["Harbour", "Northgate", "Eastfield", "Old Town", "Riverside", "Westmoor", "Hillcrest", "Southbank"];

    private static readonly (int Col, int Row)[] StationCells =
        [(6, 6), (20, 4), (34, 6), (8, 14), (30, 13), (6, 25), (20, 27), (34, 25)];

    public static RegionMap Generate(ulong seed = DefaultSeed)
    {
        var rng = new SplitMix64(seed);
        var nodes = new Coordinate[Cols, Rows];
        for (var c = 0; c < Cols; c++)
        {
            for (var r = 0; r < Rows; r++)
            {
                nodes[c, r] = ToCoordinate(c * Spacing + rng.Between(-30, 30), r * Spacing + rng.Between(-30, 30));
            }
        }

        var edges = new List<Edge>();
        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c + 1 < Cols; c++)
            {
                edges.Add(new Edge((c, r), (c + 1, r), LineClass(r, Rows, c, Cols), StreetName(r, isRow: true), Horizontal: true));
            }
        }

        for (var c = 0; c < Cols; c++)
        {
            for (var r = 0; r + 1 < Rows; r++)
            {
                var kind = LineClass(c, Cols, r, Rows);
                var crossesRiver = r == RiverRow;
                if (crossesRiver && kind is not (RoadClass.Motorway or RoadClass.Primary))
                {
                    continue;
                }

                edges.Add(new Edge((c, r), (c, r + 1), kind, crossesRiver ? StreetName(c, isRow: false) + " Bridge" : StreetName(c, isRow: false), Horizontal: false));
            }
        }

        // Meridian Avenue cuts north-east through the northern districts along cell diagonals, meeting the grid at nodes.
        for (var k = 0; k < 12; k++)
        {
            edges.Add(new Edge((6 + k, 20 + k), (7 + k, 21 + k), RoadClass.Primary, "Meridian Avenue", Horizontal: false));
        }

        var kept = new List<Edge>();
        foreach (var edge in edges)
        {
            var oneWay = Downtown(edge) && edge.Class is RoadClass.Residential or RoadClass.Tertiary;
            if (oneWay)
            {
                // Alternate directions street by street, as one-way grids do, so every block can be driven round.
                var forward = edge.Horizontal ? edge.From.Row % 2 == 0 : edge.From.Col % 2 == 0;
                kept.Add(forward ? edge with { OneWay = true } : edge with { From = edge.To, To = edge.From, OneWay = true });
            }
            else if (edge.Class == RoadClass.Residential && rng.NextDouble() < 0.12)
            {
                continue;
            }
            else
            {
                kept.Add(edge);
            }
        }

        var core = StrongConnectivity.Core(kept.Select(e => (e.From, e.To, e.OneWay)), [(20, 10)]);
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var roads = kept
            .Where(e => core.Contains(e.From) && core.Contains(e.To))
            .Select((e, i) => new RoadSegment(
                string.Create(CultureInfo.InvariantCulture, $"R{i + 1:D5}"),
                e.Name,
                e.Class,
                e.OneWay,
                Speed(e.Class),
                Lanes(e.Class),
                factory.CreateLineString([nodes[e.From.Col, e.From.Row], nodes[e.To.Col, e.To.Row]])))
            .ToArray();

        var stations = StationCells.Select((cell, i) =>
        {
            var at = Nearest(core, cell);
            return new StationSite(string.Create(CultureInfo.InvariantCulture, $"ST{i + 1:D2}"),
                $"{StationNames[i]} Ambulance Station", Offset(nodes[at.Col, at.Row], 15, 15));
        }).ToArray();

        var hospitals = new[]
        {
            Hospital("H1", "Calder Bay General Hospital", (20, 12), new HospitalCapabilities(true, true, true, 1, false), 40, 12),
            Hospital("H2", "St Brendan's Hospital", (33, 23), new HospitalCapabilities(true, false, true, 3, false), 24, 6),
            Hospital("H3", "Calder Bay Children's Hospital", (10, 22), new HospitalCapabilities(false, false, false, 2, true), 20, 9),
            Hospital("H4", "Westmoor District Hospital", (6, 9), HospitalCapabilities.None, 12, 4),
        };

        // Three units a station; two in three ALS, the usual urban mix where paramedics staff most ambulances.
        var fleet = Enumerable.Range(0, 24).Select(i => new AmbulanceSeed(
            string.Create(CultureInfo.InvariantCulture, $"A{i + 1:D2}"),
            string.Create(CultureInfo.InvariantCulture, $"Medic {i + 1}"),
            i % 3 == 2 ? UnitCapability.BLS : UnitCapability.ALS,
            stations[i / 3].Id,
            stations[i / 3].Location)).ToArray();

        var maxX = (Cols - 1) * Spacing + Margin;
        var maxY = (Rows - 1) * Spacing + Margin;
        var boundary = factory.CreatePolygon(
        [
            ToCoordinate(-Margin, -Margin), ToCoordinate(maxX, -Margin), ToCoordinate(maxX, maxY),
            ToCoordinate(-Margin, maxY), ToCoordinate(-Margin, -Margin),
        ]);

        return new RegionMap("calder-bay", "Calder Bay", "Atlantic/Azores", boundary, roads, stations, hospitals, fleet);

        HospitalSite Hospital(string id, string name, (int Col, int Row) cell, HospitalCapabilities capabilities, int beds, int free)
        {
            var at = Nearest(core, cell);
            return new HospitalSite(id, name, Offset(nodes[at.Col, at.Row], -20, 25), capabilities, beds, free);
        }
    }

    /// <summary>The class of the edge starting at <paramref name="along"/> on grid line <paramref name="index"/>.</summary>
    private static RoadClass LineClass(int index, int lineCount, int along, int alongCount)
    {
        var onRing = index == RingLow || index == lineCount - 1 - RingLow;
        if (onRing && along >= RingLow && along < alongCount - 1 - RingLow)
        {
            return RoadClass.Motorway;
        }

        return (index % 8) switch
        {
            4 => RoadClass.Primary,
            0 => RoadClass.Secondary,
            2 or 6 => RoadClass.Tertiary,
            _ => RoadClass.Residential,
        };
    }

    private static bool Downtown(Edge e) =>
        e.From.Col is >= 14 and <= 26 && e.To.Col is >= 14 and <= 26 && e.From.Row is >= 10 and <= 16 && e.To.Row is >= 10 and <= 16;

    private static string StreetName(int index, bool isRow)
    {
        var n = index + 1;
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return string.Create(CultureInfo.InvariantCulture, $"{n}{suffix} {(isRow ? "Street" : "Avenue")}");
    }

    private static double Speed(RoadClass kind) => kind switch
    {
        RoadClass.Motorway => 100,
        RoadClass.Trunk => 80,
        RoadClass.Primary => 60,
        RoadClass.Secondary => 50,
        RoadClass.Tertiary => 40,
        _ => 30,
    };

    private static int Lanes(RoadClass kind) => kind switch
    {
        RoadClass.Motorway => 3,
        RoadClass.Primary or RoadClass.Secondary => 2,
        _ => 1,
    };

    private static Coordinate ToCoordinate(double x, double y) =>
        new(Math.Round(Lon0 + (x / MetersPerDegreeLon), 6), Math.Round(Lat0 + (y / MetersPerDegreeLat), 6));

    private static GeoPoint Offset(Coordinate c, double dx, double dy) =>
        new(Math.Round(c.Y + (dy / MetersPerDegreeLat), 6), Math.Round(c.X + (dx / MetersPerDegreeLon), 6));

    private static (int Col, int Row) Nearest(HashSet<(int Col, int Row)> core, (int Col, int Row) cell) =>
        core.OrderBy(n => Math.Abs(n.Col - cell.Col) + Math.Abs(n.Row - cell.Row)).ThenBy(n => n.Col).ThenBy(n => n.Row).First();

    private sealed record Edge((int Col, int Row) From, (int Col, int Row) To, RoadClass Class, string Name, bool Horizontal, bool OneWay = false);
}
