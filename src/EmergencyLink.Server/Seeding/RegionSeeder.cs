using EmergencyLink.Contracts;

namespace EmergencyLink.Server.Seeding;

/// <summary>
/// Creates the region's hospitals and ambulances in their grains on start. Registration leaves an existing grain
/// as it is, so a restart seeds nothing twice and never resets a unit's status or a hospital's load.
/// Registered after the silo, so it starts once the silo is up and before Kestrel listens.
/// </summary>
public sealed class RegionSeeder(
    IGrainFactory grains,
    RegionCatalog catalog,
    Readiness readiness,
    ILogger<RegionSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var map = catalog.Map;
        await Task.WhenAll(map.Hospitals.Select(h => grains.GetGrain<IHospitalGrain>(h.Id).RegisterAsync(
            new HospitalRegistration(h.Name, h.Location, h.Capabilities, h.EdBeds, h.EdBedsFree))));

        // Sequential: every new unit enrols in the one roster grain, whose writes are serial anyway.
        foreach (var unit in map.Fleet)
        {
            await grains.GetGrain<IAmbulanceGrain>(unit.Id).RegisterAsync(
                new AmbulanceRegistration(unit.CallSign, unit.Capability, unit.StationId, unit.Location));
        }

        logger.LogInformation("Region {Region} ready: {Hospitals} hospitals, {Units} ambulances, {Stations} stations",
            map.Name, map.Hospitals.Count, map.Fleet.Count, map.Stations.Count);
        readiness.MarkSeeded();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
