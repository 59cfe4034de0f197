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

        var roads = Read(folder, MapFiles.Roads).Select(f => new RoadSegment(
            f.String("id"),
            f.OptionalString("name"),
            f.Enum<RoadClass>("class"),
            f.Boolean("oneway"),
            Positive(f, "speedKmh", 200),
            f.Integer("lanes", 1, 12),
            f.Feature.Geometry as LineString is { NumPoints: >= 2 } line ? line : throw f.Error("a LineString of at least two points is expected.")))
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

        FeatureCollection? features;
        try
        {
            var options = new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory() } };
            features = JsonSerializer.Deserialize<FeatureCollection>(File.ReadAllText(path), options);
        }
        catch (JsonException ex)
        {
            throw new MapFormatException($"{file} is not valid GeoJSON: {ex.Message}", ex);
        }

        if (features is null)
        {
            throw new MapFormatException($"{file} holds no FeatureCollection.");
        }

        return features.Select((f, i) => new FeatureReader(file, f, i)).ToArray();
    }

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
