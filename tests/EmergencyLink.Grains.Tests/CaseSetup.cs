using EmergencyLink.Contracts;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Hospitals;
using EmergencyLink.Domain.Units;

namespace EmergencyLink.Grains.Tests;

/// <summary>A fresh unit, hospital and case of their own for each test, so tests sharing the cluster never meet.</summary>
internal static class CaseSetup
{
    /// <summary>The unit on scene; the hospital registered and not yet the destination.</summary>
    public static Task<(string Unit, string Case, string Hospital)> OnSceneAsync(IGrainFactory grains, string unitPrefix) =>
        WalkAsync(grains, unitPrefix, toHospital: false);

    /// <summary>The unit transporting the case to the hospital.</summary>
    public static Task<(string Unit, string Case, string Hospital)> TransportingAsync(IGrainFactory grains, string unitPrefix) =>
        WalkAsync(grains, unitPrefix, toHospital: true);

    private static async Task<(string Unit, string Case, string Hospital)> WalkAsync(IGrainFactory grains, string unitPrefix, bool toHospital)
    {
        var unit = unitPrefix + Guid.NewGuid().ToString("N")[..8];
        await grains.GetGrain<IAmbulanceGrain>(unit).RegisterAsync(new AmbulanceRegistration("Medic " + unit, UnitCapability.ALS, "ST01", new GeoPoint(44, -38)));
        var hospital = "H-" + Guid.NewGuid().ToString("N")[..8];
        await grains.GetGrain<IHospitalGrain>(hospital).RegisterAsync(new HospitalRegistration(
            "General " + hospital, new GeoPoint(44.02, -38.01), new HospitalCapabilities(true, true, true, 2, false), 20, 8));
        var opened = await grains.GetGrain<IIncidentRegistryGrain>(GrainKeys.Region).OpenAsync(new NewIncident(new GeoPoint(44.01, -38.02), "chest pain", 1), "calltaker");
        var id = opened.Value!.Id;
        var steps = new List<CaseCommand>
        {
            new(CaseTrigger.Triage), new(CaseTrigger.Assign, AmbulanceId: unit), new(CaseTrigger.EnRoute), new(CaseTrigger.ArriveScene),
        };
        if (toHospital)
        {
            steps.Add(new CaseCommand(CaseTrigger.Transport, HospitalId: hospital));
        }

        foreach (var command in steps)
        {
            var result = await grains.GetGrain<IIncidentGrain>(id).FireAsync(command, "tester");
            Assert.True(result.Succeeded, $"{command.Trigger}: {result.Error}");
        }

        return (unit, id, hospital);
    }
}
