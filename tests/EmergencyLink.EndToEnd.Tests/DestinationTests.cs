using System.Net;
using EmergencyLink.Security;

namespace EmergencyLink.EndToEnd.Tests;

[Collection(ServerCollection.Name)]
public sealed class DestinationTests(ServerFixture fixture)
{
    private readonly ServerProcess server = fixture.Server;

    [Theory]
    [InlineData("Stemi", "pci24x7")]
    [InlineData("LargeVesselStroke", "thrombectomy")]
    [InlineData("Paediatric", "paediatric")]
    public async Task The_first_destination_has_what_the_diagnosis_needs(string diagnosis, string capability)
    {
        var dispatcher = server.Dispatcher();
        var unit = (await dispatcher.GetJsonAsync("/api/ambulances")).Expect(HttpStatusCode.OK).EnumerateArray().First().GetProperty("location");
        var id = (await dispatcher.PostJsonAsync("/api/incidents", Http.NewIncident(1, unit.GetProperty("lat").GetDouble(), unit.GetProperty("lon").GetDouble())))
            .Expect(HttpStatusCode.Created).Str("id");
        var hospitals = (await dispatcher.GetJsonAsync("/api/hospitals")).Expect(HttpStatusCode.OK).EnumerateArray()
            .ToDictionary(h => h.Str("id"), h => h.GetProperty("capabilities"));

        var ranked = (await dispatcher.GetJsonAsync($"/api/incidents/{id}/destinations?diagnosis={diagnosis}")).Expect(HttpStatusCode.OK)
            .EnumerateArray().ToArray();

        Assert.True(ranked[0].GetProperty("recommended").GetBoolean());
        Assert.True(hospitals[ranked[0].Str("hospitalId")].GetProperty(capability).GetBoolean());
        Assert.NotEmpty(ranked[0].GetProperty("reasons").EnumerateArray());
        Assert.All(ranked.Where(r => !hospitals[r.Str("hospitalId")].GetProperty(capability).GetBoolean()),
            r => Assert.False(r.GetProperty("recommended").GetBoolean()));
        (await dispatcher.PostJsonAsync($"/api/incidents/{id}/transitions", new { trigger = "Cancel" })).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_diagnosis_is_400_and_another_crew_is_403()
    {
        var dispatcher = server.Dispatcher();
        var id = (await dispatcher.PostJsonAsync("/api/incidents", Http.NewIncident())).Expect(HttpStatusCode.Created).Str("id");

        (await dispatcher.GetJsonAsync($"/api/incidents/{id}/destinations?diagnosis=Appendicitis")).ExpectProblem(HttpStatusCode.BadRequest);
        (await server.Client(server.Token(Roles.Crew, vehicle: "A05")).GetJsonAsync($"/api/incidents/{id}/destinations"))
            .ExpectProblem(HttpStatusCode.Forbidden);
        (await dispatcher.PostJsonAsync($"/api/incidents/{id}/transitions", new { trigger = "Cancel" })).Expect(HttpStatusCode.OK);
    }
}
