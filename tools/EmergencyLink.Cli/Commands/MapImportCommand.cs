using System.Globalization;
using System.Text.Json;
using EmergencyLink.Geo.Import;
using EmergencyLink.Geo.Maps;
using EmergencyLink.Geo.Routing;

namespace EmergencyLink.Cli.Commands;

/// <summary>
/// <c>map import EXTRACT.osm.pbf --out FOLDER [--name NAME] [--id ID] [--time-zone TZ] [--edges FILE.csv]</c>: an OpenStreetMap extract to
/// a region folder. Hospital capabilities and the fleet come from FOLDER/import-settings.json, written with defaults
/// on the first import: edit it and import again.
/// </summary>
public static class MapImportCommand
{
    public const string Usage = "map import EXTRACT.osm.pbf --out FOLDER [--name NAME] [--id ID] [--time-zone TZ] [--edges FILE.csv]";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static int Run(string[] args)
    {
        if (args.Length < 2 || args[0] != "import")
        {
            throw new ArgumentException("Usage: " + Usage);
        }

        var extract = args[1];
        if (!File.Exists(extract))
        {
            throw new ArgumentException($"{extract} does not exist.");
        }

        var options = new ArgReader(args[2..], "out", "name", "id", "time-zone", "edges");
        var folder = options.Get("out") ?? throw new ArgumentException("--out is required.");
        var settingsPath = Path.Combine(folder, ImportSettings.FileName);
        var settings = File.Exists(settingsPath)
            ? JsonSerializer.Deserialize<ImportSettings>(File.ReadAllText(settingsPath), Json)
              ?? throw new ArgumentException($"{settingsPath} is empty.")
            : new ImportSettings { Id = Path.GetFileName(extract).Split('.')[0], Name = Path.GetFileName(extract).Split('.')[0] };
        settings.Name = options.Get("name") ?? settings.Name;
        settings.Id = options.Get("id") ?? settings.Id;
        settings.TimeZone = options.Get("time-zone") ?? settings.TimeZone;

        var (map, report) = OsmImporter.Import(extract, settings);
        RegionMapWriter.Write(map, folder);
        File.WriteAllText(settingsPath, JsonSerializer.Serialize(settings, Json) + "\n");

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{map.Name}: {report.RoadSegments} road segments from {report.WaysRead} ways ({report.RoadNodesDropped} cut off from the main network), " +
            $"{report.HospitalsIncluded} of {report.HospitalsFound} hospitals, {report.Stations} stations, {map.Fleet.Count} ambulances -> {Path.GetFullPath(folder)}"));
        foreach (var hospital in map.Hospitals)
        {
            Console.WriteLine($"  {hospital.Id} {hospital.Name}");
        }

        foreach (var warning in report.Warnings)
        {
            Console.Error.WriteLine("warning: " + warning);
        }

        if (options.Get("edges") is { } edges)
        {
            // The routing graph as other engines load it (pgRouting's edge table), to check our travel times against.
            using var writer = new StreamWriter(edges);
            RoadGraph.Build(RegionMapLoader.Load(folder).Roads, new RoadSpeeds()).WriteEdgeTable(writer);
            Console.WriteLine($"Edge table: {Path.GetFullPath(edges)}");
        }

        Console.WriteLine($"Hospital capabilities and the fleet: {settingsPath}");
        return 0;
    }
}
