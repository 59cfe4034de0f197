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
    Geo.Routing.RoadGraph roads,
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

        // The road graph is built here, at start, rather than on the first recommendation a dispatcher asks for.
        logger.LogInformation(
            "Region {Region} ready: {Hospitals} hospitals, {Units} ambulances, {Stations} stations, {Nodes} road nodes, {Edges} road edges",
            map.Name, map.Hospitals.Count, map.Fleet.Count, map.Stations.Count, roads.NodeCount, roads.EdgeCount);
        readiness.MarkSeeded();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
