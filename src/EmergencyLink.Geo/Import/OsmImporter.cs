using System.Globalization;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Hospitals;
using EmergencyLink.Domain.Units;
using EmergencyLink.Geo.Maps;
using NetTopologySuite.Geometries;
using OsmSharp;
using OsmSharp.Streams;
using OsmSharp.Tags;

namespace EmergencyLink.Geo.Import;

/// <summary>
/// An OpenStreetMap extract (.osm.pbf) to a region map: drivable ways split at intersections, hospitals and
/// ambulance or fire stations as points, a boundary round the roads, and the fleet from <see cref="ImportSettings"/>.
/// The road network is cut to its largest strongly connected part, so every road kept can be driven to and from
/// every other (extracts end in stubs cut at the border, and private stubs can be entered but not left).
/// </summary>
public static class OsmImporter
{
    private const double BoundaryMarginMeters = 300;

    public static (RegionMap Map, ImportReport Report) Import(string pbfPath, ImportSettings settings)
    {
        var nodes = new Dictionary<long, (double Lat, double Lon)>();
        var ways = new List<Way>();
        var pointsOfInterest = new List<OsmGeo>();
        using (var stream = File.OpenRead(pbfPath))
        {
            // Extracts are not always sorted by type, so everything is read before ways are resolved.
            foreach (var geo in new PBFOsmStreamSource(stream))
            {
                switch (geo)
                {
                    case Node { Id: { } id, Latitude: { } lat, Longitude: { } lon } node:
                        nodes[id] = (lat, lon);
                        if (IsPointOfInterest(node.Tags))
                        {
                            pointsOfInterest.Add(node);
                        }

                        break;
                    case Way way when way.Nodes is { Length: > 1 } || IsPointOfInterest(way.Tags):
                        ways.Add(way);
                        if (IsPointOfInterest(way.Tags))
                        {
                            pointsOfInterest.Add(way);
                        }

                        break;
                }
            }
        }

        var warnings = new List<string>();
        var roads = Roads(ways, nodes, warnings, out var dropped);
        var roadPoints = roads.SelectMany(r => r.Geometry.Coordinates).ToArray();
        if (roadPoints.Length == 0)
        {
            throw new MapFormatException($"{Path.GetFileName(pbfPath)} holds no drivable roads.");
        }

        var boundary = Boundary(roadPoints);
        var hospitals = Hospitals(pointsOfInterest, nodes, settings, boundary, warnings, out var found);
        var stations = Stations(pointsOfInterest, nodes, boundary, warnings);
        var fleet = Fleet(stations, settings);
        var map = new RegionMap(settings.Id, settings.Name, settings.TimeZone, boundary, roads, stations, hospitals, fleet);
        var report = new ImportReport(ways.Count, roads.Count, dropped, found, hospitals.Count, stations.Count, warnings);
        return (map, report);
    }

    private static bool IsPointOfInterest(TagsCollectionBase? tags) =>
        tags is not null
        && ((tags.TryGetValue("amenity", out var amenity) && amenity is "hospital" or "fire_station")
            || (tags.TryGetValue("emergency", out var emergency) && emergency == "ambulance_station"));

    private static List<RoadSegment> Roads(List<Way> ways, Dictionary<long, (double Lat, double Lon)> nodes,
        List<string> warnings, out int droppedNodes)
    {
        var drivable = ways
            .Where(w => w.Tags is not null && w.Nodes is { Length: > 1 } && OsmRoadRules.ClassOf(w.Tags) is not null)
            .OrderBy(w => w.Id)
            .ToList();

        // A node used twice (by two ways, or twice by one) is an intersection: ways are split there.
        var uses = new Dictionary<long, int>();
        foreach (var id in drivable.SelectMany(w => w.Nodes))
        {
            uses[id] = uses.GetValueOrDefault(id) + 1;
        }

        var pieces = new List<(long WayId, int Piece, RoadClass Class, int OneWay, double Speed, int Lanes, string? Name, Coordinate[] Points)>();
        var missing = 0;
        foreach (var way in drivable)
        {
            var roadClass = OsmRoadRules.ClassOf(way.Tags)!.Value;
            var oneWay = OsmRoadRules.OneWay(way.Tags, roadClass);
            var speed = OsmRoadRules.SpeedKmh(way.Tags, roadClass);
            var lanes = OsmRoadRules.Lanes(way.Tags, roadClass);
            way.Tags.TryGetValue("name", out var name);
            var current = new List<Coordinate>();
            var piece = 0;
            for (var i = 0; i < way.Nodes.Length; i++)
            {
                if (!nodes.TryGetValue(way.Nodes[i], out var at))
                {
                    // A way that leaves the extract: keep what is inside, in pieces.
                    missing++;
                    Flush();
                    continue;
                }

                current.Add(new Coordinate(Math.Round(at.Lon, 7), Math.Round(at.Lat, 7)));
                if (i > 0 && i < way.Nodes.Length - 1 && uses[way.Nodes[i]] > 1)
                {
                    Flush();
                    current.Add(new Coordinate(Math.Round(at.Lon, 7), Math.Round(at.Lat, 7)));
                }
            }

            Flush();

            void Flush()
            {
                if (current.Count > 1)
                {
                    var points = oneWay < 0 ? Enumerable.Reverse(current).ToArray() : current.ToArray();
                    pieces.Add((way.Id!.Value, piece++, roadClass, oneWay, speed, lanes, name, points));
                }

                current.Clear();
            }
        }

        if (missing > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{missing} way nodes are outside the extract; those ways were cut."));
        }

        var ends = pieces.Select(p => (Key(p.Points[0]), Key(p.Points[^1]), p.OneWay != 0)).ToList();
        var core = StrongConnectivity.Core(ends, StrongConnectivity.BestConnected(ends).Take(20));
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var kept = pieces.Where(p => core.Contains(Key(p.Points[0])) && core.Contains(Key(p.Points[^1]))).ToList();
        droppedNodes = pieces.Count - kept.Count;
        return kept.Select(p => new RoadSegment(
            string.Create(CultureInfo.InvariantCulture, $"w{p.WayId}-{p.Piece}"),
            p.Name, p.Class, p.OneWay != 0, p.Speed, p.Lanes, factory.CreateLineString(p.Points))).ToList();
    }

    private static (double, double) Key(Coordinate c) => (c.X, c.Y);

    private static Polygon Boundary(Coordinate[] roadPoints)
    {
        var envelope = new Envelope(roadPoints);
        var dLat = BoundaryMarginMeters / 111_320;
        var dLon = BoundaryMarginMeters / (111_320 * Math.Cos(envelope.Centre.Y * Math.PI / 180));
        envelope.ExpandBy(dLon, dLat);
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        return factory.CreatePolygon(
        [
            new Coordinate(Math.Round(envelope.MinX, 6), Math.Round(envelope.MinY, 6)),
            new Coordinate(Math.Round(envelope.MaxX, 6), Math.Round(envelope.MinY, 6)),
            new Coordinate(Math.Round(envelope.MaxX, 6), Math.Round(envelope.MaxY, 6)),
            new Coordinate(Math.Round(envelope.MinX, 6), Math.Round(envelope.MaxY, 6)),
            new Coordinate(Math.Round(envelope.MinX, 6), Math.Round(envelope.MinY, 6)),
        ]);
    }

    private static string Ref(OsmGeo geo) => (geo is Node ? "node/" : "way/") + geo.Id!.Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A node's position, or the mean of a closed way's distinct nodes (good enough for a building or site).</summary>
    private static GeoPoint? Location(OsmGeo geo, Dictionary<long, (double Lat, double Lon)> nodes)
    {
        if (geo is Node { Latitude: { } lat, Longitude: { } lon })
        {
            return new GeoPoint(Math.Round(lat, 6), Math.Round(lon, 6));
        }

        var points = geo is Way way ? way.Nodes.Distinct().Where(nodes.ContainsKey).Select(n => nodes[n]).ToArray() : [];
        return points.Length == 0 ? null : new GeoPoint(Math.Round(points.Average(p => p.Lat), 6), Math.Round(points.Average(p => p.Lon), 6));
    }

    private static List<HospitalSite> Hospitals(List<OsmGeo> pois, Dictionary<long, (double Lat, double Lon)> nodes,
        ImportSettings settings, Polygon boundary, List<string> warnings, out int found)
    {
        var hospitals = pois.Where(p => p.Tags.TryGetValue("amenity", out var a) && a == "hospital")
            .OrderBy(p => p.Type).ThenBy(p => p.Id).ToList();
        found = hospitals.Count;
        var sites = new List<HospitalSite>();
        foreach (var osm in hospitals)
        {
            var key = Ref(osm);
            osm.Tags.TryGetValue("name", out var name);
            var emergency = osm.Tags.TryGetValue("emergency", out var e) && e == "yes";
            if (!settings.Hospitals.TryGetValue(key, out var chosen))
            {
                // New to the settings file: named emergency departments in, the rest listed for a person to decide.
                // A hospital is often mapped twice (a point and its site); the second of one name within 1 km stays out.
                var where = Location(osm, nodes);
                var duplicate = where is not null && sites.Any(s => s.Name == name && s.Location.DistanceMetersTo(where.Value) < 1000);
                settings.Hospitals[key] = chosen = new HospitalSettings
                {
                    Name = name ?? $"Hospital {key}",
                    Include = emergency && name is not null && !duplicate,
                };
            }

            if (!chosen.Include)
            {
                continue;
            }

            if (Location(osm, nodes) is not { } at || !boundary.Covers(new Point(at.Lon, at.Lat)))
            {
                warnings.Add($"Hospital {chosen.Name} ({key}) is outside the road network's boundary; left out.");
                continue;
            }

            sites.Add(new HospitalSite(
                string.Create(CultureInfo.InvariantCulture, $"H{sites.Count + 1}"),
                chosen.Name,
                at,
                new HospitalCapabilities(chosen.Pci24x7, chosen.Thrombectomy, chosen.StrokeUnit, chosen.TraumaLevel, chosen.Paediatric),
                Math.Max(0, chosen.EdBeds),
                Math.Clamp(chosen.EdBedsFree, 0, Math.Max(0, chosen.EdBeds))));
        }

        return sites;
    }

    private static List<StationSite> Stations(List<OsmGeo> pois, Dictionary<long, (double Lat, double Lon)> nodes,
        Polygon boundary, List<string> warnings)
    {
        var stations = new List<StationSite>();
        var candidates = pois
            .Where(p => (p.Tags.TryGetValue("amenity", out var a) && a == "fire_station")
                        || (p.Tags.TryGetValue("emergency", out var e) && e == "ambulance_station"))
            .OrderBy(p => p.Type).ThenBy(p => p.Id);
        foreach (var osm in candidates)
        {
            if (Location(osm, nodes) is not { } at || !boundary.Covers(new Point(at.Lon, at.Lat)))
            {
                warnings.Add($"Station {Ref(osm)} is outside the road network's boundary; left out.");
                continue;
            }

            // The same station is often mapped twice, as a building and as a point: keep the first within 50 m.
            if (stations.Any(s => s.Location.DistanceMetersTo(at) < 50))
            {
                continue;
            }

            osm.Tags.TryGetValue("name", out var name);
            stations.Add(new StationSite(string.Create(CultureInfo.InvariantCulture, $"ST{stations.Count + 1:D2}"),
                name ?? $"Station {Ref(osm)}", at));
        }

        return stations;
    }

    private static List<AmbulanceSeed> Fleet(List<StationSite> stations, ImportSettings settings)
    {
        var fleet = new List<AmbulanceSeed>();
        foreach (var station in stations)
        {
            for (var i = 0; i < Math.Max(0, settings.UnitsPerStation); i++)
            {
                var number = fleet.Count + 1;
                fleet.Add(new AmbulanceSeed(
                    string.Create(CultureInfo.InvariantCulture, $"A{number:D2}"),
                    string.Create(CultureInfo.InvariantCulture, $"Medic {number}"),
                    i < settings.AlsPerStation ? UnitCapability.ALS : UnitCapability.BLS,
                    station.Id,
                    station.Location));
            }
        }

        return fleet;
    }
}
