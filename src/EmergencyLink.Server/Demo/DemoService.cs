using EmergencyLink.Contracts;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Demo;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Geo.Routing;
using EmergencyLink.Server.Seeding;
using Microsoft.Extensions.Options;

namespace EmergencyLink.Server.Demo;

/// <summary>
/// The demo's call-taker: once the region is seeded, places calls at the demo rate (see <see cref="DemoOptions"/>) on a
/// road of the region and hands each to a <see cref="DemoCaseRunner"/>, which plays the dispatcher, crew and ED. A
/// failure is logged and the demo goes on; it never stops the host.
/// </summary>
public sealed class DemoService(
    IGrainFactory grains,
    RegionCatalog region,
    RoadGraph roads,
    Readiness readiness,
    DemoCaseRunner runner,
    IOptions<DemoOptions> options,
    TimeProvider time,
    ILogger<DemoService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new Dictionary<string, Task>(StringComparer.Ordinal);
        try
        {
            while (!readiness.Seeded)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), time, stoppingToken);
            }

            var demo = options.Value;
            var scale = DemoCaseRunner.Scale(demo);
            var generator = new DemoCallGenerator(
                new Random(demo.Seed ?? Random.Shared.Next()), time, Zone(region.Map.TimeZone), demo.CallsPerHour * scale, demo.FollowTimeOfDay);
            var box = region.Map.Boundary.EnvelopeInternal;
            var (southWest, northEast) = (new GeoPoint(box.MinY, box.MinX), new GeoPoint(box.MaxY, box.MaxX));
            logger.LogInformation("Demo mode: about {Rate:0} calls an hour on {Region}, at most {Max} open at once, time x{Scale}",
                generator.CurrentCallsPerHour(), region.Map.Name, demo.MaxActiveCases, scale);

            // Cases the demo left open when the host last stopped are taken up again, or their units would stay busy for ever.
            foreach (var open in await OpenDemoCasesAsync())
            {
                logger.LogInformation("Demo case {Case} taken up again in state {State}", open.Id, open.State);
                running[open.Id] = runner.RunAsync(open.Id, new DemoCall(open.Location, DemoCallMix.KindOf(open.Complaint, open.Priority), Transport: true), stoppingToken);
            }

            var wait = demo.FirstCallAfter / scale;
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(wait, time, stoppingToken);
                wait = generator.NextInterval();
                foreach (var ended in running.Where(r => r.Value.IsCompleted).Select(r => r.Key).ToArray())
                {
                    running.Remove(ended);
                }

                try
                {
                    // Cases this demo is playing and that are still open; one whose runner gave up (logged) no longer holds a place,
                    // and a unit driving home after its case does not either.
                    var open = (await OpenDemoCasesAsync()).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
                    var openCases = running.Count(r => open.Contains(r.Key));
                    if (openCases >= demo.MaxActiveCases)
                    {
                        // A real centre would queue it; the demo keeps to a handful of cases so the 2-core host has headroom.
                        logger.LogDebug("Demo call not placed: {Open} demo cases open", openCases);
                        continue;
                    }

                    var call = generator.NextCall(southWest, northEast);
                    var id = await PlaceAsync(call);
                    if (id is not null)
                    {
                        running[id] = runner.RunAsync(id, call, stoppingToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Demo call could not be placed; the demo goes on");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Demo mode stopped after an error; the host runs on");
        }

        // Each case stops at its next step when the host stops; wait for them so no grain call outlives the silo.
        await Task.WhenAll(running.Values);
    }

    /// <summary>The open cases the demo's call-taker opened (its name heads their timeline).</summary>
    private async Task<IReadOnlyList<IncidentSnapshot>> OpenDemoCasesAsync() =>
        (await grains.GetGrain<IIncidentRegistryGrain>(GrainKeys.Region).ListAsync(true))
            .Where(i => i.Timeline.Count > 0 && i.Timeline[0].Actor == DemoActors.CallTaker)
            .ToArray();

    /// <summary>Opens the case as a call-taker would, at the nearest point on a road (a random point may fall in a field).</summary>
    private async Task<string?> PlaceAsync(DemoCall call)
    {
        var location = roads.Snap(call.Location)?.OnRoad ?? call.Location;
        var opened = await grains.GetGrain<IIncidentRegistryGrain>(GrainKeys.Region).OpenAsync(
            new NewIncident(location, call.Kind.Complaint, call.Kind.Priority, Notes: "Demo call (synthetic patient)."),
            DemoActors.CallTaker);
        if (!opened.Succeeded)
        {
            logger.LogWarning("Demo call refused: {Error}", opened.Error);
            return null;
        }

        logger.LogInformation("Demo call {Case}: priority {Priority}, {Complaint}", opened.Value!.Id, call.Kind.Priority, call.Kind.Complaint);
        return opened.Value.Id;
    }

    private static TimeZoneInfo Zone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
