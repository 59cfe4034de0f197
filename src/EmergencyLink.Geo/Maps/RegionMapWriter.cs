using System.Globalization;
using System.Text;
using System.Text.Json;
using EmergencyLink.Domain.Geography;
using NetTopologySuite.Geometries;

namespace EmergencyLink.Geo.Maps;

/// <summary>
/// Writes a map folder as RFC 7946 GeoJSON, one feature per line, with a fixed property order, invariant numbers and
/// coordinates rounded to 6 decimals (about 0.1 m), so the same map always gives the same bytes.
/// </summary>
public static class RegionMapWriter
{
    public static void Write(RegionMap map, string folder)
    {
        Directory.CreateDirectory(folder);
        Save(folder, MapFiles.Region, [Feature(Polygon(map.Boundary), ("id", Str(map.Id)), ("name", Str(map.Name)), ("timeZone", Str(map.TimeZone)))]);
        Save(folder, MapFiles.Roads, map.Roads.Select(r => Feature(Line(r.Geometry),
            ("id", Str(r.Id)), ("name", r.Name is null ? "null" : Str(r.Name)), ("class", Str(r.Class.ToString().ToLowerInvariant())),
            ("oneway", Bool(r.OneWay)), ("speedKmh", Num(r.SpeedKmh)), ("lanes", Num(r.Lanes)))));
        Save(folder, MapFiles.Stations, map.Stations.Select(s => Feature(Point(s.Location), ("id", Str(s.Id)), ("name", Str(s.Name)))));
        Save(folder, MapFiles.Hospitals, map.Hospitals.Select(h => Feature(Point(h.Location),
            ("id", Str(h.Id)), ("name", Str(h.Name)), ("pci24x7", Bool(h.Capabilities.Pci24x7)),
            ("thrombectomy", Bool(h.Capabilities.Thrombectomy)), ("strokeUnit", Bool(h.Capabilities.StrokeUnit)),
            ("traumaLevel", Num(h.Capabilities.TraumaLevel)), ("paediatric", Bool(h.Capabilities.Paediatric)),
            ("edBeds", Num(h.EdBeds)), ("edBedsFree", Num(h.EdBedsFree)))));
        Save(folder, MapFiles.Fleet, map.Fleet.Select(a => Feature(Point(a.Location),
            ("id", Str(a.Id)), ("callSign", Str(a.CallSign)), ("capability", Str(a.Capability.ToString())), ("stationId", Str(a.StationId)))));
    }

    private static void Save(string folder, string file, IEnumerable<string> features)
    {
        var text = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[\n");
        text.AppendJoin(",\n", features);
        text.Append("\n]}\n");
        File.WriteAllText(Path.Combine(folder, file), text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private static string Feature(string geometry, params (string Name, string Json)[] properties) =>
        "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":{" +
        string.Join(",", properties.Select(p => $"\"{p.Name}\":{p.Json}")) + "}}";

    private static string Point(GeoPoint p) => "{\"type\":\"Point\",\"coordinates\":" + Position(p.Lon, p.Lat) + "}";

    private static string Line(LineString line) =>
        "{\"type\":\"LineString\",\"coordinates\":[" + string.Join(",", line.Coordinates.Select(c => Position(c.X, c.Y))) + "]}";

    private static string Polygon(Polygon polygon) =>
        "{\"type\":\"Polygon\",\"coordinates\":[[" +
        string.Join(",", polygon.ExteriorRing.Coordinates.Select(c => Position(c.X, c.Y))) + "]]}";

    private static string Position(double lon, double lat) =>
        string.Create(CultureInfo.InvariantCulture, $"[{Math.Round(lon, 6):0.######},{Math.Round(lat, 6):0.######}]");

    private static string Str(string s) => JsonSerializer.Serialize(s);

    private static string Bool(bool b) => b ? "true" : "false";

    private static string Num(double d) => d.ToString("0.###", CultureInfo.InvariantCulture);
}
