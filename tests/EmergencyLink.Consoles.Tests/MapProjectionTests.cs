using EmergencyLink.Consoles.Map;
using EmergencyLink.Domain.Geography;

namespace EmergencyLink.Consoles.Tests;

public sealed class MapProjectionTests
{
    private readonly MapProjection projection = MapProjection.For(west: -38.08, south: 43.95, east: -37.92, north: 44.05);

    [Fact]
    public void The_north_west_corner_is_the_origin_and_south_and_east_grow_the_coordinates()
    {
        Assert.Equal(0, projection.X(new GeoPoint(44.05, -38.08)), 6);
        Assert.Equal(0, projection.Y(new GeoPoint(44.05, -38.08)), 6);
        Assert.True(projection.X(new GeoPoint(44.0, -37.95)) > 0);
        Assert.True(projection.Y(new GeoPoint(44.0, -37.95)) > 0);
    }

    [Fact]
    public void A_map_click_unprojects_to_the_point_that_was_drawn_there()
    {
        var scene = new GeoPoint(43.999537, -38.000073);

        var back = projection.Unproject(projection.X(scene), projection.Y(scene));

        Assert.True(back.DistanceMetersTo(scene) < 0.01);
    }

    [Fact]
    public void A_kilometre_east_is_about_a_thousand_map_units()
    {
        var here = new GeoPoint(44.0, -38.0);
        var east = new GeoPoint(44.0, -38.0 + 1 / (111.32 * Math.Cos(44.0 * Math.PI / 180)));

        Assert.InRange(projection.X(east) - projection.X(here), 995, 1005);
    }
}
