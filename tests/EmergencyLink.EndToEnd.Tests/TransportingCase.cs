using System.Net;
using EmergencyLink.Security;

namespace EmergencyLink.EndToEnd.Tests;

/// <summary>A case walked to Transporting on a running server: the unit streaming for it and the ED receiving it.</summary>
public sealed record TransportingCase(string CaseId, string UnitId, string HospitalId)
{
    public static async Task<TransportingCase> StartAsync(ServerProcess server, int unitIndex = 0)
    {
        var admin = server.Client(server.Token(Roles.Admin));
        var units = (await admin.GetJsonAsync("/api/ambulances")).Expect(HttpStatusCode.OK).EnumerateArray()
            .Where(u => u.Str("status") == "Available").Select(u => u.Str("id")).Order(StringComparer.Ordinal).ToArray();
        var hospital = (await admin.GetJsonAsync("/api/hospitals")).Expect(HttpStatusCode.OK).EnumerateArray().First().Str("id");
        var unit = units[unitIndex];
        var location = (await admin.GetJsonAsync($"/api/ambulances/{unit}")).Expect(HttpStatusCode.OK).GetProperty("location");
        var id = (await admin.PostJsonAsync("/api/incidents", Http.NewIncident(1, location.GetProperty("lat").GetDouble(), location.GetProperty("lon").GetDouble())))
            .Expect(HttpStatusCode.Created).Str("id");
        foreach (var step in new object[]
        {
            new { trigger = "Triage" }, new { trigger = "Assign", ambulanceId = unit }, new { trigger = "EnRoute" },
            new { trigger = "ArriveScene" }, new { trigger = "Transport", hospitalId = hospital },
        })
        {
            (await admin.PostJsonAsync($"/api/incidents/{id}/transitions", step)).Expect(HttpStatusCode.OK);
        }

        return new TransportingCase(id, unit, hospital);
    }
}
