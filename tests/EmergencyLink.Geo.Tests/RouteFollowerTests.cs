using EmergencyLink.Domain.Geography;
using EmergencyLink.Geo.Maps;
using EmergencyLink.Geo.Routing;

namespace EmergencyLink.Geo.Tests;

public sealed class RouteFollowerTests
{
    // Two legs: 1 km due north, then 1 km due east (at 44 N a degree of longitude is about 80 km).
    private static readonly GeoPoint Start = new(44.0, -38.0);
    private static readonly GeoPoint Corner = new(44.0 + (1000 / 111_195.0), -38.0);
    private static readonly GeoPoint End = new(Corner.Lat, -38.0 + (1000 / (111_195.0 * Math.Cos(Corner.Lat * Math.PI / 180))));

    [Fact]
    public void The_unit_covers_the_path_at_an_even_speed_and_arrives_at_the_routed_time()
    {
        var follower = new RouteFollower([Start, Corner, End], seconds: 200);

        var quarter = follower.At(50);
        var half = follower.At(100);
        var threeQuarters = follower.At(150);
        var end = follower.At(200);

        Assert.InRange(follower.Meters, 1995, 2005);
        Assert.InRange(follower.SpeedKmh, 35.9, 36.1);
        Assert.False(quarter.Arrived);
        Assert.InRange(Start.DistanceMetersTo(quarter.Location), 495, 505);
        Assert.InRange(Corner.DistanceMetersTo(half.Location), 0, 5);
        Assert.InRange(End.DistanceMetersTo(threeQuarters.Location), 495, 505);
        Assert.True(end.Arrived);
        Assert.Equal(End, end.Location);
    }

    [Fact]
    public void The_heading_follows_the_leg_being_driven()
    {
        var follower = new RouteFollower([Start, Corner, End], seconds: 200);

        Assert.InRange(follower.At(20).Heading, 0, 0.5);
        Assert.InRange(follower.At(180).Heading, 89.5, 90.5);
        Assert.InRange(follower.At(500).Heading, 89.5, 90.5);
    }

    [Fact]
    public void Before_the_start_the_unit_is_at_the_start_and_after_the_end_at_the_end()
    {
        var follower = new RouteFollower([Start, Corner, End], seconds: 200);

        Assert.Equal(Start, follower.At(-5).Location);
        Assert.True(follower.At(1_000).Arrived);
        Assert.Equal(End, follower.At(1_000).Location);
    }

    [Fact]
    public void Repeated_points_and_a_one_point_route_do_not_stall_or_divide_by_zero()
    {
        var repeated = new RouteFollower([Start, Start, Corner, Corner, End], seconds: 100);
        var single = new RouteFollower([Start], seconds: 0);

        Assert.InRange(Corner.DistanceMetersTo(repeated.At(50).Location), 0, 5);
        Assert.True(single.At(0).Arrived);
        Assert.Equal(Start, single.At(0).Location);
    }

    [Fact]
    public void Following_a_routed_path_on_the_demo_map_moves_the_unit_along_its_roads()
    {
        var map = RegionMapLoader.Load(DemoMapFolder.Path);
        var graph = RoadGraph.Build(map.Roads, new RoadSpeeds());
        var from = graph.Snap(map.Stations[0].Location)!;
        var to = graph.Snap(map.Hospitals[0].Location)!;
        var route = graph.RouteBetween(from, to)!;
        var follower = new RouteFollower(route.Path, route.Seconds);

        var positions = Enumerable.Range(0, (int)route.Seconds + 2).Select(s => follower.At(s)).ToArray();

        // Every second moves the unit by the routed speed (within rounding) and never off the road.
        foreach (var (a, b) in positions.Zip(positions.Skip(1)))
        {
            Assert.True(a.Location.DistanceMetersTo(b.Location) <= (follower.SpeedKmh / 3.6) + 0.5);
        }

        Assert.All(positions, p => Assert.True(graph.Snap(p.Location)!.DistanceMeters < 1));
        Assert.True(positions[^1].Arrived);
        Assert.Equal(to.OnRoad, positions[^1].Location);
    }
}
