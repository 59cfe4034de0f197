using EmergencyLink.Cli.Commands;
using EmergencyLink.Geo.Maps;

namespace EmergencyLink.Cli.DemoMap;

/// <summary><c>demo-map --out maps/demo</c>: (re)generates the demo region.</summary>
public static class DemoMapCommand
{
    public const string Usage = "demo-map --out FOLDER";

    public static int Run(string[] args)
    {
        var options = new ArgReader(args, "out");
        var folder = options.Get("out") ?? throw new ArgumentException("--out is required.");
        var map = DemoRegionGenerator.Generate();
        RegionMapWriter.Write(map, folder);
        Console.WriteLine($"{map.Name}: {map.Roads.Count} road segments, {map.Stations.Count} stations, " +
                          $"{map.Hospitals.Count} hospitals, {map.Fleet.Count} ambulances -> {Path.GetFullPath(folder)}");
        return 0;
    }
}
