using EmergencyLink.Contracts;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Geo.Routing;

namespace EmergencyLink.Server.Demo;

/// <summary>
/// Drives a unit along its road route (as <c>/api/route</c> gives it) and reports its position once a second
/// through the unit's grain, as a crew's <c>PUT /api/ambulances/{id}/position</c> does. Stops early when the case
/// leaves the step the drive is for, or passes to another unit (a person took over).
/// </summary>
public sealed class DemoDriver(IGrainFactory grains, RoadGraph roads, TimeProvider time)
{
    /// <summary>Where no road joins the two points: drive straight at a town speed.</summary>
    private const double OffRoadKmh = 40;

    /// <summary>Drives for a case step: stops if the case leaves <paramref name="during"/> or passes to another unit.</summary>
    public Task<bool> DriveAsync(string caseId, string unitId, GeoPoint to, CaseState during, double scale, CancellationToken stop) =>
        DriveAsync(unitId, to, scale, async () =>
        {
            var incident = await grains.GetGrain<IIncidentGrain>(caseId).GetAsync();
            return incident is not null && incident.State == during && incident.AmbulanceId == unitId;
        }, stop);

    /// <summary>Whether the unit arrived (false: <paramref name="stillWanted"/> said no, or the demo stops).</summary>
    public async Task<bool> DriveAsync(string unitId, GeoPoint to, double scale, Func<Task<bool>> stillWanted, CancellationToken stop)
    {
        var unit = grains.GetGrain<IAmbulanceGrain>(unitId);
        var from = (await unit.GetAsync())?.Location ?? to;
        var follower = Follower(from, to);
        var started = time.GetTimestamp();
        using var ticker = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        while (true)
        {
            var at = follower.At(time.GetElapsedTime(started).TotalSeconds * scale);
            await unit.ReportPositionAsync(new PositionReport(at.Location, at.Heading, at.Arrived ? 0 : follower.SpeedKmh));
            if (at.Arrived)
            {
                return true;
            }

            if (!await ticker.WaitForNextTickAsync(stop))
            {
                return false;
            }

            if (!await stillWanted())
            {
                return false;
            }
        }
    }

    private RouteFollower Follower(GeoPoint from, GeoPoint to)
    {
        if (roads.Snap(from) is { } a && roads.Snap(to) is { } b && roads.RouteBetween(a, b) is { } route)
        {
            return new RouteFollower(route.Path, route.Seconds);
        }

        return new RouteFollower([from, to], from.DistanceMetersTo(to) / (OffRoadKmh / 3.6));
    }
}
