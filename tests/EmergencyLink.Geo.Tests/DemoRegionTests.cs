using EmergencyLink.Cli.DemoMap;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Units;
using EmergencyLink.Geo.Maps;

namespace EmergencyLink.Geo.Tests;

public sealed class DemoRegionTests
{
    private static readonly Lazy<RegionMap> Demo = new(() => RegionMapLoader.Load(DemoMapFolder.Path));

    [Fact]
    public void Committed_demo_files_are_exactly_what_the_generator_makes()
    {
        var fresh = Directory.CreateTempSubdirectory("emergencylink-map-").FullName;
        try
        {
            RegionMapWriter.Write(DemoRegionGenerator.Generate(), fresh);
            foreach (var file in MapFiles.All)
            {
                Assert.True(
                    File.ReadAllBytes(Path.Combine(fresh, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(DemoMapFolder.Path, file))),
                    $"maps/demo/{file} differs from the generator; run `dotnet run --project tools/EmergencyLink.Cli -- demo-map --out maps/demo`.");
            }
        }
        finally
        {
            Directory.Delete(fresh, recursive: true);
        }
    }

    [Fact]
    public void The_demo_region_has_the_stations_hospitals_and_fleet_it_promises()
    {
        var map = Demo.Value;

        Assert.True(map.Stations.Count >= 6);
        Assert.Equal(4, map.Hospitals.Count);
        Assert.Equal(4, map.Hospitals.Select(h => h.Capabilities).Distinct().Count());
        Assert.Equal(24, map.Fleet.Count);
        Assert.Contains(map.Fleet, a => a.Capability == UnitCapability.ALS);
        Assert.Contains(map.Fleet, a => a.Capability == UnitCapability.BLS);
        Assert.All(map.Fleet, a => Assert.Contains(map.Stations, s => s.Id == a.StationId));
        Assert.Contains(map.Hospitals, h => h.Capabilities.Pci24x7);
        Assert.Contains(map.Hospitals, h => h.Capabilities.Thrombectomy);
        Assert.Contains(map.Hospitals, h => h.Capabilities.Paediatric);
        Assert.Contains(map.Hospitals, h => h.Capabilities.TraumaLevel == 1);
    }

    [Fact]
    public void The_road_network_is_strongly_connected_respecting_one_way_streets()
    {
        var forward = new Dictionary<(double, double), List<(double, double)>>();
        var backward = new Dictionary<(double, double), List<(double, double)>>();
        foreach (var road in Demo.Value.Roads)
        {
            var a = (road.Geometry.StartPoint.X, road.Geometry.StartPoint.Y);
            var b = (road.Geometry.EndPoint.X, road.Geometry.EndPoint.Y);
            Link(forward, a, b);
            Link(backward, b, a);
            if (!road.OneWay)
            {
                Link(forward, b, a);
                Link(backward, a, b);
            }
        }

        var start = forward.Keys.First();
        var nodes = forward.Keys.Concat(backward.Keys).ToHashSet();
        Assert.Equal(nodes.Count, Reach(forward, start));
        Assert.Equal(nodes.Count, Reach(backward, start));
        Assert.Contains(Demo.Value.Roads, r => r.OneWay);
        Assert.InRange(Demo.Value.Roads.Count, 1000, 5000);
    }

    [Fact]
    public void Every_station_and_hospital_is_within_150_m_of_a_road_node()
    {
        var nodes = Demo.Value.Roads.SelectMany(r => new[] { r.Geometry.StartPoint, r.Geometry.EndPoint })
            .Select(p => new GeoPoint(p.Y, p.X)).Distinct().ToArray();
        var sites = Demo.Value.Stations.Select(s => (s.Id, s.Location)).Concat(Demo.Value.Hospitals.Select(h => (h.Id, h.Location)));

        Assert.All(sites, site => Assert.True(nodes.Min(n => n.DistanceMetersTo(site.Location)) < 150, $"{site.Id} is far from any road"));
    }

    [Fact]
    public void Generating_twice_gives_the_same_map()
    {
        var a = DemoRegionGenerator.Generate();
        var b = DemoRegionGenerator.Generate();

        Assert.Equal(a.Roads.Select(r => r.Geometry.ToText()), b.Roads.Select(r => r.Geometry.ToText()));
        Assert.NotEqual(a.Roads.Select(r => r.Geometry.ToText()), DemoRegionGenerator.Generate(seed: 7).Roads.Select(r => r.Geometry.ToText()));
    }

    private static void Link(Dictionary<(double, double), List<(double, double)>> map, (double, double) a, (double, double) b)
    {
        if (!map.TryGetValue(a, out var list))
        {
            map[a] = list = [];
        }

        list.Add(b);
        map.TryAdd(b, []);
    }

    private static int Reach(Dictionary<(double, double), List<(double, double)>> map, (double, double) start)
    {
        var seen = new HashSet<(double, double)> { start };
        var queue = new Queue<(double, double)>([start]);
        while (queue.TryDequeue(out var at))
        {
            foreach (var next in map[at].Where(seen.Add))
            {
                queue.Enqueue(next);
            }
        }

        return seen.Count;
    }
}
