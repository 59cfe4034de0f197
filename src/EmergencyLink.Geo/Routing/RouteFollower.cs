using EmergencyLink.Domain.Geography;

namespace EmergencyLink.Geo.Routing;

/// <summary>
/// A unit driving a route's path in the route's time: it covers the path at one even speed (the route's length over
/// its time), so it arrives exactly when the ETA said. Per-road speeds would need each leg's time, which a
/// <see cref="Route"/> does not carry; the even speed is close enough for a map that refreshes once a second.
/// </summary>
public sealed class RouteFollower
{
    private readonly IReadOnlyList<GeoPoint> path;
    private readonly double[] cumulative;

    public RouteFollower(IReadOnlyList<GeoPoint> path, double seconds)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Count == 0)
        {
            throw new ArgumentException("A route has at least one point.", nameof(path));
        }

        if (!double.IsFinite(seconds) || seconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), "A route's time is finite and not negative.");
        }

        this.path = path;
        Seconds = seconds;
        cumulative = new double[path.Count];
        for (var i = 1; i < path.Count; i++)
        {
            cumulative[i] = cumulative[i - 1] + path[i - 1].DistanceMetersTo(path[i]);
        }
    }

    public double Seconds { get; }

    public double Meters => cumulative[^1];

    /// <summary>The routed speed, for the position report.</summary>
    public double SpeedKmh => Seconds > 0 ? Meters / Seconds * 3.6 : 0;

    /// <summary>The position after driving for <paramref name="elapsedSeconds"/>; before the start, the start; after the end, the end.</summary>
    public RoutePosition At(double elapsedSeconds)
    {
        if (path.Count == 1 || Meters <= 0 || elapsedSeconds >= Seconds)
        {
            return new RoutePosition(path[^1], LastHeading(), true);
        }

        var travelled = Math.Max(0, elapsedSeconds) / Seconds * Meters;
        var leg = Array.BinarySearch(cumulative, travelled);
        leg = leg >= 0 ? Math.Min(leg, path.Count - 2) : Math.Max(0, ~leg - 1);
        while (leg < path.Count - 2 && cumulative[leg + 1] - cumulative[leg] <= 0)
        {
            leg++;
        }

        var length = cumulative[leg + 1] - cumulative[leg];
        var fraction = length > 0 ? Math.Clamp((travelled - cumulative[leg]) / length, 0, 1) : 0;
        var (a, b) = (path[leg], path[leg + 1]);
        var at = new GeoPoint(a.Lat + ((b.Lat - a.Lat) * fraction), a.Lon + ((b.Lon - a.Lon) * fraction));
        return new RoutePosition(at, Bearing(a, b), false);
    }

    /// <summary>The heading of the last leg that has a length, so a unit at its destination keeps facing its way in.</summary>
    private double LastHeading()
    {
        for (var i = path.Count - 1; i > 0; i--)
        {
            if (cumulative[i] > cumulative[i - 1])
            {
                return Bearing(path[i - 1], path[i]);
            }
        }

        return 0;
    }

    /// <summary>Initial great-circle bearing from a to b, in [0, 360).</summary>
    public static double Bearing(GeoPoint a, GeoPoint b)
    {
        var (lat1, lat2) = (a.Lat * Math.PI / 180, b.Lat * Math.PI / 180);
        var dLon = (b.Lon - a.Lon) * Math.PI / 180;
        var y = Math.Sin(dLon) * Math.Cos(lat2);
        var x = (Math.Cos(lat1) * Math.Sin(lat2)) - (Math.Sin(lat1) * Math.Cos(lat2) * Math.Cos(dLon));
        var degrees = Math.Atan2(y, x) * 180 / Math.PI;
        return (degrees + 360) % 360;
    }
}
