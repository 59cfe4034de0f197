using EmergencyLink.Domain.Geography;
using EmergencyLink.Geo.Import;
using EmergencyLink.Geo.Maps;
using EmergencyLink.Geo.Routing;

namespace EmergencyLink.Geo.Tests;

/// <summary>The East Baltimore OpenStreetMap extract, imported as a user would, must make a working region.</summary>
public sealed class BaltimoreImportTests
{
    private static (RegionMap Map, ImportReport Report) Import() =>
        OsmImporter.Import(SharedData.File("osm/baltimore.osm.pbf"), new ImportSettings { Id = "baltimore", Name = "East Baltimore" });

    [SkippableFact]
    public void Both_Johns_Hopkins_emergency_departments_and_the_fire_stations_are_found()
    {
        var (map, report) = Import();

        Assert.Equal(["Johns Hopkins Hospital", "Johns Hopkins Bayview Medical Center"], map.Hospitals.Select(h => h.Name));
        Assert.True(report.HospitalsFound > map.Hospitals.Count, "hospitals without an emergency department are listed but left out");
        Assert.InRange(map.Stations.Count, 9, 10);
        Assert.Equal(map.Stations.Count * 2, map.Fleet.Count);
        Assert.Contains(map.Hospitals, h => h.Location.DistanceMetersTo(new GeoPoint(39.2964, -76.5924)) < 300);
        Assert.Contains(map.Hospitals, h => h.Location.DistanceMetersTo(new GeoPoint(39.2912, -76.5483)) < 300);
    }

    [SkippableFact]
    public void The_imported_folder_loads_and_every_site_is_near_a_road()
    {
        var (map, _) = Import();
        var folder = Directory.CreateTempSubdirectory("emergencylink-baltimore-").FullName;
        try
        {
            RegionMapWriter.Write(map, folder);
            var loaded = RegionMapLoader.Load(folder);
            var graph = RoadGraph.Build(loaded.Roads, new RoadSpeeds());

            Assert.Equal(map.Roads.Count, loaded.Roads.Count);
            foreach (var site in loaded.Stations.Select(s => (s.Name, s.Location)).Concat(loaded.Hospitals.Select(h => (h.Name, h.Location))))
            {
                Assert.True(graph.Snap(site.Location)!.DistanceMeters < 300, $"{site.Name} is far from the road network");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableFact]
    public void Routes_between_the_hospitals_and_from_every_station_are_plausible()
    {
        var (map, _) = Import();
        var graph = RoadGraph.Build(map.Roads, new RoadSpeeds());
        var hopkins = map.Hospitals[0].Location;
        var bayview = map.Hospitals[1].Location;
        var crow = hopkins.DistanceMetersTo(bayview);

        var there = graph.CostsToScene([graph.Snap(hopkins)], graph.Snap(bayview)!)[0]!;
        var back = graph.CostsToScene([graph.Snap(bayview)], graph.Snap(hopkins)!)[0]!;

        // About 3.8 km apart as the crow flies; city streets add 10–60 %, and at emergency speeds it is minutes.
        Assert.InRange(there.Meters / crow, 1.0, 1.6);
        Assert.InRange(back.Meters / crow, 1.0, 1.6);
        Assert.InRange(there.Seconds, 180, 900);
        var fromStations = graph.CostsToScene(map.Stations.Select(s => graph.Snap(s.Location)).ToArray(), graph.Snap(hopkins)!);
        Assert.All(fromStations, c => Assert.InRange(c!.Seconds, 0, 1200));
    }
}
