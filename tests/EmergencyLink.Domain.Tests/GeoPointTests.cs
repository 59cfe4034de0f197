using EmergencyLink.Domain.Geography;

namespace EmergencyLink.Domain.Tests;

public sealed class GeoPointTests
{
    [Fact]
    public void One_degree_of_latitude_is_about_111_km()
    {
        Assert.InRange(new GeoPoint(44, -38).DistanceMetersTo(new GeoPoint(45, -38)), 111_000, 111_400);
    }

    [Theory]
    [InlineData(90.0001, 0)]
    [InlineData(-91, 0)]
    [InlineData(0, 180.5)]
    [InlineData(double.NaN, 0)]
    public void Positions_outside_the_globe_are_invalid(double lat, double lon) => Assert.False(GeoPoint.IsValid(lat, lon));
}
