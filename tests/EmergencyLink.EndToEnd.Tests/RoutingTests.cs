using System.Globalization;
using System.Net;
using EmergencyLink.Security;

namespace EmergencyLink.EndToEnd.Tests;

[Collection(ServerCollection.Name)]
public sealed class RoutingTests(ServerFixture fixture)
{
    private readonly HttpClient crew = fixture.Server.Client(fixture.Server.Token(Roles.Crew, vehicle: "A01"));

    private async Task<(string A, string B)> TwoHospitalsAsync()
    {
        var hospitals = (await crew.GetJsonAsync("/api/hospitals")).Expect(HttpStatusCode.OK).EnumerateArray()
            .Select(h => h.GetProperty("location")).Select(l => string.Create(CultureInfo.InvariantCulture,
                $"{l.GetProperty("lat").GetDouble()},{l.GetProperty("lon").GetDouble()}")).ToArray();
        return (hospitals[0], hospitals[^1]);
    }

    [Fact]
    public async Task A_route_between_two_hospitals_has_a_time_a_length_and_a_line_to_draw()
    {
        var (a, b) = await TwoHospitalsAsync();

        var route = (await crew.GetJsonAsync($"/api/route?from={a}&to={b}")).Expect(HttpStatusCode.OK);

        Assert.InRange(route.GetProperty("etaSeconds").GetDouble(), 60, 1800);
        Assert.InRange(route.GetProperty("distanceMeters").GetDouble(), 1000, 30000);
        Assert.Equal("LineString", route.GetProperty("geometry").Str("type"));
        Assert.True(route.GetProperty("geometry").GetProperty("coordinates").GetArrayLength() > 2);
    }

    [Theory]
    [InlineData("/api/route?from=44.0&to=44.0,-38.0", "from")]
    [InlineData("/api/route?from=44.0,-38.0", "to")]
    [InlineData("/api/route?from=95,-38.0&to=44.0,-38.0", "from.lat")]
    [InlineData("/api/isochrone?lat=44.0&lon=-38.0&minutes=0", "minutes")]
    [InlineData("/api/isochrone?lat=44.0&lon=-38.0&minutes=600", "minutes")]
    [InlineData("/api/isochrone?lat=44.0&minutes=5", "point.lon")]
    public async Task Bad_routing_questions_are_400_naming_the_parameter(string path, string mentioned)
    {
        var problem = (await crew.GetJsonAsync(path)).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Contains(mentioned, problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_isochrone_is_a_polygon_that_grows_with_the_minutes()
    {
        var (a, _) = await TwoHospitalsAsync();
        var (lat, lon) = (a.Split(',')[0], a.Split(',')[1]);

        var small = (await crew.GetJsonAsync($"/api/isochrone?lat={lat}&lon={lon}&minutes=2")).Expect(HttpStatusCode.OK);
        var large = (await crew.GetJsonAsync($"/api/isochrone?lat={lat}&lon={lon}&minutes=6")).Expect(HttpStatusCode.OK);

        Assert.Equal("Polygon", large.GetProperty("area").Str("type"));
        Assert.True(large.GetProperty("roadNodesReached").GetInt32() > small.GetProperty("roadNodesReached").GetInt32());
    }
}
