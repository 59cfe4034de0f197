using System.Globalization;
using System.Text.Json;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Hospitals;
using EmergencyLink.Domain.Units;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace EmergencyLink.Geo.Maps;

/// <summary>Reads and checks a map folder (<see cref="MapFiles"/>). Anything wrong is a <see cref="MapFormatException"/>.</summary>
public static class RegionMapLoader
{
    private static readonly JsonSerializerOptions GeoJsonOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    public static RegionMap Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new MapFormatException($"Map folder {folder} does not exist.");
        }

        var region = Read(folder, MapFiles.Region).ToArray();
        if (region.Length != 1 || region[0].Feature.Geometry is not Polygon boundary)
        {
            throw new MapFormatException($"{MapFiles.Region}: exactly one Polygon feature is expected.");
        }

        CheckOnEarth(boundary);

        var roads = Read(folder, MapFiles.Roads).Select(f => new RoadSegment(
            f.String("id"),
            f.OptionalString("name"),
            f.Enum<RoadClass>("class"),
            f.Boolean("oneway"),
            Positive(f, "speedKmh", 200),
            f.Integer("lanes", 1, 12),
            f.Feature.Geometry as LineString is { NumPoints: >= 2 } line ? OnEarth(f, line) : throw f.Error("a LineString of at least two points is expected.")))
            .ToArray();
        Unique(MapFiles.Roads, roads.Select(r => r.Id));

        var stations = Read(folder, MapFiles.Stations).Select(f =>
            new StationSite(f.String("id"), f.String("name"), Inside(f, boundary))).ToArray();
        Unique(MapFiles.Stations, stations.Select(s => s.Id));

        var hospitals = Read(folder, MapFiles.Hospitals).Select(f =>
        {
            var beds = f.Integer("edBeds", 0, 1000);
            var hospital = new HospitalSite(
                f.String("id"),
                f.String("name"),
                Inside(f, boundary),
                new HospitalCapabilities(f.Boolean("pci24x7"), f.Boolean("thrombectomy"), f.Boolean("strokeUnit"),
                    f.Integer("traumaLevel", 0, 4), f.Boolean("paediatric")),
                beds,
                f.Integer("edBedsFree", 0, beds));
            return hospital;
        }).ToArray();
        Unique(MapFiles.Hospitals, hospitals.Select(h => h.Id));

        var stationIds = stations.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var fleet = Read(folder, MapFiles.Fleet).Select(f =>
        {
            var stationId = f.String("stationId");
            if (!stationIds.Contains(stationId))
            {
                throw f.Error($"station '{stationId}' is not in {MapFiles.Stations}.");
            }

            return new AmbulanceSeed(f.String("id"), f.String("callSign"), f.Enum<UnitCapability>("capability"), stationId,
                Inside(f, boundary));
        }).ToArray();

        Unique(MapFiles.Fleet, fleet.Select(a => a.Id));
        var first = region[0];
        return new RegionMap(first.String("id"), first.String("name"), first.String("timeZone"), boundary, roads, stations,
            hospitals, fleet);
    }

    private static IEnumerable<FeatureReader> Read(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            throw new MapFormatException($"{file} is missing from {folder}.");
        }

        var text = File.ReadAllText(path);
        FeatureCollection? features;
        try
        {
            features = JsonSerializer.Deserialize<FeatureCollection>(text, GeoJsonOptions);
        }
        catch (Exception ex) when (IsFormatError(ex))
        {
            throw new MapFormatException($"{file}{FailingFeature(text)}: not valid GeoJSON: {ex.Message}", ex);
        }

        if (features is null)
        {
            throw new MapFormatException($"{file} holds no FeatureCollection.");
        }

        return features.Select((f, i) => new FeatureReader(file, f, i)).ToArray();
    }

    // NetTopologySuite refuses bad geometry (an open ring, a one-point line, an unknown type) with ArgumentException,
    // and System.Text.Json an out-of-range number with NotSupportedException, not JsonException.
    private static bool IsFormatError(Exception ex) =>
        ex is JsonException or ArgumentException or NotSupportedException or InvalidOperationException or FormatException;

    /// <summary>
    /// ", feature ID" for the first feature that does not deserialize on its own. The whole collection is read in one go
    /// for speed, so the failing feature is looked for only after it failed.
    /// </summary>
    private static string FailingFeature(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("features", out var list)
                || list.ValueKind != JsonValueKind.Array)
            {
                return "";
            }

            var index = 0;
            foreach (var element in list.EnumerateArray())
            {
                try
                {
                    element.Deserialize<IFeature>(GeoJsonOptions);
                }
                catch (Exception ex) when (IsFormatError(ex))
                {
                    var id = element.ValueKind == JsonValueKind.Object
                             && element.TryGetProperty("properties", out var properties)
                             && properties.ValueKind == JsonValueKind.Object
                             && properties.TryGetProperty("id", out var value)
                             && value.ValueKind == JsonValueKind.String
                        ? value.GetString()
                        : null;
                    return $", feature {id ?? "#" + index.ToString(CultureInfo.InvariantCulture)}";
                }

                index++;
            }
        }
        catch (JsonException)
        {
            // Not even JSON: the message from the first attempt is all there is to say.
        }

        return "";
    }

    private static void CheckOnEarth(Polygon boundary)
    {
        if (!boundary.Coordinates.All(c => GeoPoint.IsValid(c.Y, c.X)))
        {
            throw new MapFormatException($"{MapFiles.Region}: the boundary has a position that is not on Earth.");
        }
    }

    private static LineString OnEarth(FeatureReader f, LineString line) =>
        line.Coordinates.All(c => GeoPoint.IsValid(c.Y, c.X)) ? line : throw f.Error("the line has a position that is not on Earth.");

    private static GeoPoint Inside(FeatureReader f, Polygon boundary)
    {
        if (f.Feature.Geometry is not Point point)
        {
            throw f.Error("a Point is expected.");
        }

        if (!GeoPoint.IsValid(point.Y, point.X))
        {
            throw f.Error($"({point.Y}, {point.X}) is not a position on Earth.");
        }

        return boundary.Covers(point) ? new GeoPoint(point.Y, point.X) : throw f.Error("it lies outside the region boundary.");
    }

    private static double Positive(FeatureReader f, string name, double max)
    {
        var value = f.Number(name);
        return value > 0 && value <= max ? value : throw f.Error($"property '{name}' must be above 0 and at most {max}.");
    }

    private static void Unique(string file, IEnumerable<string> ids)
    {
        var duplicate = ids.GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new MapFormatException($"{file}: id '{duplicate.Key}' is used more than once.");
        }
    }
}
