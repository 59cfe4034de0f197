using EmergencyLink.Domain.Geography;
using EmergencyLink.Geo.Maps;
using EmergencyLink.Geo.Routing;
using NetTopologySuite.Geometries;

namespace EmergencyLink.Geo.Tests;

public sealed class RoadGraphTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);
    private static readonly Lazy<RegionMap> Demo = new(() => RegionMapLoader.Load(DemoMapFolder.Path));

    // A 0.01° step is about 1.1 km north-south and 0.8 km east-west at 44° N.
    private static RoadSegment Road(string id, double lat1, double lon1, double lat2, double lon2, bool oneWay = false,
        RoadClass roadClass = RoadClass.Residential, double speed = 36) =>
        new(id, id, roadClass, oneWay, speed, 1, Factory.CreateLineString([new Coordinate(lon1, lat1), new Coordinate(lon2, lat2)]));

    [Fact]
    public void A_one_way_street_is_driven_only_in_its_direction()
    {
        // A square block: the west side is one-way north; the rest two-way.
        var graph = RoadGraph.Build(
        [
            Road("west", 44.00, -38.00, 44.01, -38.00, oneWay: true),
            Road("north", 44.01, -38.00, 44.01, -37.99),
            Road("east", 44.01, -37.99, 44.00, -37.99),
            Road("south", 44.00, -37.99, 44.00, -38.00),
        ], new RoadSpeeds { LocalFactor = 1 });
        var southWest = graph.Snap(new GeoPoint(44.00, -38.00))!;
        var northWest = graph.Snap(new GeoPoint(44.01, -38.00))!;

        var up = graph.CostsToScene([southWest], northWest)[0]!;
        var down = graph.CostsToScene([northWest], southWest)[0]!;

        Assert.InRange(up.Meters, 1100, 1120);
        Assert.InRange(down.Meters, 2700, 2725); // round the block: north, east, south
        Assert.InRange(up.Seconds, 110, 112);
    }

    [Fact]
    public void A_point_beside_the_road_is_snapped_and_the_distance_reported()
    {
        var graph = RoadGraph.Build([Road("a", 44.00, -38.00, 44.00, -37.98)], new RoadSpeeds());

        var snap = graph.Snap(new GeoPoint(44.0005, -37.99))!;

        Assert.InRange(snap.DistanceMeters, 54, 57);
        Assert.InRange(snap.Fraction, 0.49, 0.51);
        Assert.Equal(44.00, snap.OnRoad.Lat, 6);
    }

    [Fact]
    public void A_scene_on_a_road_that_cannot_be_reached_has_no_cost()
    {
        var graph = RoadGraph.Build(
        [
            Road("island", 44.00, -38.00, 44.00, -37.99),
            Road("mainland", 44.05, -38.00, 44.05, -37.99),
        ], new RoadSpeeds());

        var costs = graph.CostsToScene([graph.Snap(new GeoPoint(44.05, -37.995))], graph.Snap(new GeoPoint(44.00, -37.995))!);

        Assert.Null(costs[0]);
    }

    [Fact]
    public void Two_points_on_one_edge_cost_only_the_stretch_between_them()
    {
        var graph = RoadGraph.Build([Road("a", 44.00, -38.00, 44.00, -37.98, oneWay: true)], new RoadSpeeds { AccessSpeedKmh = 15 });

        var cost = graph.CostsToScene([graph.Snap(new GeoPoint(44.00, -37.995))], graph.Snap(new GeoPoint(44.00, -37.985))!)[0]!;

        Assert.InRange(cost.Meters, 795, 805);
    }

    [Fact]
    public void One_search_gives_every_unit_the_same_time_as_its_own_shortest_path_on_the_demo_city()
    {
        var graph = RoadGraph.Build(Demo.Value.Roads, new RoadSpeeds());
        var random = new Random(20261124);
        var boundary = Demo.Value.Boundary.EnvelopeInternal;
        GeoPoint Anywhere() => new(boundary.MinY + (random.NextDouble() * boundary.Height), boundary.MinX + (random.NextDouble() * boundary.Width));

        for (var round = 0; round < 20; round++)
        {
            var scene = graph.Snap(Anywhere())!;
            var units = Enumerable.Range(0, 10).Select(_ => graph.Snap(Anywhere())).ToArray();

            var together = graph.CostsToScene(units, scene);
            for (var i = 0; i < units.Length; i++)
            {
                var alone = graph.CostsToScene([units[i]], scene)[0];
                var reference = ReferencePath(Demo.Value.Roads, units[i]!, scene);
                Assert.Equal(alone!.Seconds, together[i]!.Seconds, 6);
                Assert.True(Math.Abs(reference - together[i]!.Seconds) <= 1e-6 * reference + 1e-6,
                    $"search {together[i]!.Seconds} s, reference {reference} s");
            }
        }
    }

    [Fact]
    public void Stopping_at_enough_origins_gives_exactly_the_fastest_ones_with_their_full_search_times()
    {
        var graph = RoadGraph.Build(Demo.Value.Roads, new RoadSpeeds());
        var random = new Random(11);
        var box = Demo.Value.Boundary.EnvelopeInternal;
        GeoPoint Anywhere() => new(box.MinY + (random.NextDouble() * box.Height), box.MinX + (random.NextDouble() * box.Width));
        for (var round = 0; round < 20; round++)
        {
            var scene = graph.Snap(Anywhere())!;
            var units = Enumerable.Range(0, 24).Select(_ => graph.Snap(Anywhere())).ToArray();

            var full = graph.CostsToScene(units, scene);
            var five = graph.CostsToScene(units, scene, enough: 5);

            var fastest = full.Select((c, i) => (c!.Seconds, i)).OrderBy(x => x.Seconds).Take(5).Select(x => x.i).ToHashSet();
            Assert.Equal(fastest, five.Select((c, i) => (c, i)).Where(x => x.c is not null).Select(x => x.i).ToHashSet());
            Assert.All(fastest, i => Assert.Equal(full[i]!.Seconds, five[i]!.Seconds, 9));
        }
    }

    [Fact]
    public void Units_tied_with_the_last_one_wanted_all_come_back_from_the_search_and_from_the_tables()
    {
        var graph = RoadGraph.Build(Demo.Value.Roads, new RoadSpeeds());
        var scene = graph.Snap(new GeoPoint(44.00, -37.995))!;
        var station = graph.Snap(new GeoPoint(44.02, -38.02))!;
        var far = graph.Snap(new GeoPoint(44.04, -38.05))!;
        RoadSnap[] units = [far, station, station, station];

        var searched = graph.CostsToScene(units, scene, enough: 1);
        var read = graph.CostsToSceneFromTables(units.Select(u => graph.ReachFrom(u, 100_000)).ToArray(), scene, 1)!;

        Assert.Equal([false, true, true, true], searched.Select(c => c is not null));
        Assert.Equal([false, true, true, true], read.Select(c => c is not null));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(800)]
    [InlineData(100_000)]
    public void Reach_tables_give_the_search_s_fastest_units_or_decline_to_answer(int nodesPerTable)
    {
        var graph = RoadGraph.Build(Demo.Value.Roads, new RoadSpeeds());
        var random = new Random(19);
        var box = Demo.Value.Boundary.EnvelopeInternal;
        GeoPoint Anywhere() => new(box.MinY + (random.NextDouble() * box.Height), box.MinX + (random.NextDouble() * box.Width));
        var answered = 0;
        for (var round = 0; round < 60; round++)
        {
            var scene = graph.Snap(Anywhere())!;
            var units = Enumerable.Range(0, 24).Select(_ => graph.Snap(Anywhere())!).ToArray();
            if (round % 10 == 0)
            {
                // A unit standing on the scene's own road, either side of it.
                units[0] = scene with { Fraction = Math.Max(0, scene.Fraction - 0.3) };
            }

            var searched = graph.CostsToScene(units, scene, enough: 5);
            var read = graph.CostsToSceneFromTables(units.Select(u => graph.ReachFrom(u, nodesPerTable)).ToArray(), scene, 5);
            if (read is null)
            {
                continue;
            }

            answered++;
            var fastest = searched.Select((c, i) => (c, i)).Where(x => x.c is not null).Select(x => x.i).ToHashSet();
            Assert.Equal(fastest, read.Select((c, i) => (c, i)).Where(x => x.c is not null).Select(x => x.i).ToHashSet());
            Assert.All(fastest, i =>
            {
                Assert.Equal(searched[i]!.Seconds, read[i]!.Seconds, 6);
                Assert.Equal(searched[i]!.Meters, read[i]!.Meters, 1);
            });
        }

        // Tables holding the whole map always answer; small ones must answer often enough to be worth keeping.
        Assert.True(nodesPerTable >= graph.NodeCount ? answered == 60 : answered > 0, $"{answered} of 60 answered from tables");
    }

    [Fact]
    public void A_route_costs_what_the_one_to_many_search_says_and_its_path_runs_from_start_to_end()
    {
        var graph = RoadGraph.Build(Demo.Value.Roads, new RoadSpeeds());
        var random = new Random(7);
        var box = Demo.Value.Boundary.EnvelopeInternal;
        for (var i = 0; i < 50; i++)
        {
            var from = graph.Snap(new GeoPoint(box.MinY + (random.NextDouble() * box.Height), box.MinX + (random.NextDouble() * box.Width)))!;
            var to = graph.Snap(new GeoPoint(box.MinY + (random.NextDouble() * box.Height), box.MinX + (random.NextDouble() * box.Width)))!;

            var route = graph.RouteBetween(from, to)!;
            var cost = graph.CostsToScene([from], to)[0]!;

            Assert.Equal(cost.Seconds, route.Seconds, 6);
            Assert.Equal(cost.Meters, route.Meters, 3);
            Assert.Equal(from.OnRoad, route.Path[0]);
            Assert.Equal(to.OnRoad, route.Path[^1]);
            var drawn = route.Path.Zip(route.Path.Skip(1), (a, b) => a.DistanceMetersTo(b)).Sum();
            Assert.InRange(drawn, (route.Meters - route.StartSnapMeters - route.EndSnapMeters) * 0.99, route.Meters * 1.01);
        }
    }

    [Fact]
    public void The_area_reachable_grows_with_time_and_holds_only_nodes_within_it()
    {
        var graph = RoadGraph.Build(Demo.Value.Roads, new RoadSpeeds());
        var station = graph.Snap(Demo.Value.Stations[0].Location)!;

        var twoMinutes = graph.ReachableWithin(station, 120);
        var fiveMinutes = graph.ReachableWithin(station, 300);

        Assert.True(fiveMinutes.Count > twoMinutes.Count * 2);
        foreach (var node in twoMinutes.Skip(1).Take(40))
        {
            Assert.True(graph.RouteBetween(station, graph.Snap(node)!)!.Seconds <= 120 + 1e-6);
        }
    }

    [Fact]
    public void The_river_makes_the_unit_across_it_slower_than_a_farther_unit_on_the_same_bank()
    {
        var estimator = new RoadTravelTimeEstimator(RoadGraph.Build(Demo.Value.Roads, new RoadSpeeds()));
        var straight = new StraightLineTravelTimeEstimator(new StraightLineOptions());

        // The river runs between the 18th and 19th Streets (about 44.002 N); bridges are 2.4 km apart.
        var scene = new GeoPoint(43.9995, -38.036);
        GeoPoint[] units = [new(44.0045, -38.036), new(43.990, -38.036)];

        var road = estimator.EstimateToScene(units, scene);
        var crow = straight.EstimateToScene(units, scene);

        Assert.True(crow[0]!.Seconds < crow[1]!.Seconds, "across the river is nearer as the crow flies");
        Assert.True(road[0]!.Seconds > road[1]!.Seconds, $"by road the bridge detour must make it slower: {road[0]} vs {road[1]}");
    }

    /// <summary>Dijkstra forward from the unit, written independently and without early exit, as the reference.</summary>
    private static double ReferencePath(IReadOnlyList<RoadSegment> roads, RoadSnap from, RoadSnap to)
    {
        var speeds = new RoadSpeeds();
        var edges = new List<(GeoPoint A, GeoPoint B, double Seconds)>();
        foreach (var r in roads)
        {
            var a = new GeoPoint(r.Geometry.StartPoint.Y, r.Geometry.StartPoint.X);
            var b = new GeoPoint(r.Geometry.EndPoint.Y, r.Geometry.EndPoint.X);
            var seconds = a.DistanceMetersTo(b) / (speeds.EmergencySpeedKmh(r.Class, r.SpeedKmh) / 3.6);
            edges.Add((a, b, seconds));
            if (!r.OneWay)
            {
                edges.Add((b, a, seconds));
            }
        }

        var adjacency = edges.GroupBy(e => e.A).ToDictionary(g => g.Key, g => g.ToList());
        var fromEdges = edges.Where(e => SameLine(e, from.OnRoad)).ToList();
        var dist = new Dictionary<GeoPoint, double>();
        var queue = new PriorityQueue<GeoPoint, double>();
        var best = double.PositiveInfinity;
        foreach (var e in fromEdges)
        {
            var along = e.A.DistanceMetersTo(from.OnRoad) / e.A.DistanceMetersTo(e.B);
            var toEnd = (1 - along) * e.Seconds;
            if (!dist.TryGetValue(e.B, out var d) || toEnd < d)
            {
                dist[e.B] = toEnd;
                queue.Enqueue(e.B, toEnd);
            }

            if (SameLine(e, to.OnRoad) && e.A.DistanceMetersTo(to.OnRoad) / e.A.DistanceMetersTo(e.B) >= along - 1e-9)
            {
                best = Math.Min(best, ((e.A.DistanceMetersTo(to.OnRoad) / e.A.DistanceMetersTo(e.B)) - along) * e.Seconds);
            }
        }

        while (queue.TryDequeue(out var node, out var d))
        {
            if (d > dist[node])
            {
                continue;
            }

            foreach (var e in adjacency.GetValueOrDefault(node) ?? [])
            {
                if (SameLine(e, to.OnRoad))
                {
                    best = Math.Min(best, d + (e.A.DistanceMetersTo(to.OnRoad) / e.A.DistanceMetersTo(e.B) * e.Seconds));
                }

                if (d + e.Seconds < dist.GetValueOrDefault(e.B, double.PositiveInfinity))
                {
                    dist[e.B] = d + e.Seconds;
                    queue.Enqueue(e.B, d + e.Seconds);
                }
            }
        }

        var access = (from.DistanceMeters + to.DistanceMeters) / (speeds.AccessSpeedKmh / 3.6);
        return best + access;
    }

    /// <summary>Whether a point on the road lies on this edge (within 0.5 m of the segment).</summary>
    private static bool SameLine((GeoPoint A, GeoPoint B, double Seconds) e, GeoPoint p) =>
        Math.Abs(e.A.DistanceMetersTo(p) + p.DistanceMetersTo(e.B) - e.A.DistanceMetersTo(e.B)) < 0.05;
}
