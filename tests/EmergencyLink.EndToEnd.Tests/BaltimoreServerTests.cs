using System.Globalization;
using System.Net;
using EmergencyLink.Geo.Import;
using EmergencyLink.Geo.Maps;

namespace EmergencyLink.EndToEnd.Tests;

/// <summary>The server on a real city: East Baltimore imported from OpenStreetMap into a temp folder.</summary>
public sealed class BaltimoreServerTests
{
    [SkippableFact]
    public async Task The_server_runs_on_imported_Baltimore_and_recommends_units_and_destinations_by_road()
    {
        var extract = SharedData.File("osm/baltimore.osm.pbf");
        var folder = Directory.CreateTempSubdirectory("emergencylink-baltimore-map-").FullName;
        try
        {
            var (map, _) = OsmImporter.Import(extract, new ImportSettings { Id = "baltimore", Name = "East Baltimore", TimeZone = "America/New_York" });
            RegionMapWriter.Write(map, folder);
            await using var server = new ServerProcess(environment: new Dictionary<string, string> { ["Map__Path"] = folder });
            await server.StartAsync();
            var dispatcher = server.Dispatcher();

            var hospitals = (await dispatcher.GetJsonAsync("/api/hospitals")).Expect(HttpStatusCode.OK).EnumerateArray().ToArray();
            Assert.Contains(hospitals, h => h.Str("name") == "Johns Hopkins Hospital");
            Assert.Contains(hospitals, h => h.Str("name") == "Johns Hopkins Bayview Medical Center");

            // A call in Canton, between the two hospitals.
            var id = (await dispatcher.PostJsonAsync("/api/incidents", Http.NewIncident(1, 39.2810, -76.5790))).Expect(HttpStatusCode.Created).Str("id");
            (await dispatcher.PostJsonAsync($"/api/incidents/{id}/transitions", new { trigger = "Triage" })).Expect(HttpStatusCode.OK);
            var ranked = (await dispatcher.GetJsonAsync($"/api/incidents/{id}/recommendations")).Expect(HttpStatusCode.OK).EnumerateArray().ToArray();
            Assert.NotEmpty(ranked);
            Assert.InRange(ranked[0].GetProperty("etaSeconds").GetDouble(), 10, 900);
            var destinations = (await dispatcher.GetJsonAsync($"/api/incidents/{id}/destinations")).Expect(HttpStatusCode.OK).EnumerateArray().ToArray();
            Assert.Equal(2, destinations.Length);

            var from = string.Create(CultureInfo.InvariantCulture, $"{map.Hospitals[0].Location.Lat},{map.Hospitals[0].Location.Lon}");
            var to = string.Create(CultureInfo.InvariantCulture, $"{map.Hospitals[1].Location.Lat},{map.Hospitals[1].Location.Lon}");
            var route = (await dispatcher.GetJsonAsync($"/api/route?from={from}&to={to}")).Expect(HttpStatusCode.OK);
            Assert.InRange(route.GetProperty("distanceMeters").GetDouble(), 3800, 6500);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
