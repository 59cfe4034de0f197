using EmergencyLink.Domain.Geography;

namespace EmergencyLink.Domain.Demo;

/// <summary>
/// Makes the demo's calls: arrivals as a Poisson process (exponential gaps) at <c>callsPerHour</c>, optionally
/// following the real time-of-day curve in the region's local time, and each call's kind drawn by weight, its place
/// uniform over the region's box (the host snaps it to a road). Pure and seeded, so a test can check the mix.
/// </summary>
public sealed class DemoCallGenerator
{
    private readonly Random random;
    private readonly TimeProvider time;
    private readonly TimeZoneInfo zone;
    private readonly IReadOnlyList<DemoComplaint> complaints;
    private readonly double totalWeight;

    public DemoCallGenerator(
        Random random, TimeProvider time, TimeZoneInfo zone, double callsPerHour, bool followTimeOfDay,
        IReadOnlyList<DemoComplaint>? complaints = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(zone);
        if (!double.IsFinite(callsPerHour) || callsPerHour <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(callsPerHour), "The call rate must be above zero.");
        }

        this.random = random;
        this.time = time;
        this.zone = zone;
        CallsPerHour = callsPerHour;
        FollowTimeOfDay = followTimeOfDay;
        this.complaints = complaints ?? DemoCallMix.Complaints;
        totalWeight = this.complaints.Sum(c => c.Weight);
        if (this.complaints.Count == 0 || !(totalWeight > 0))
        {
            throw new ArgumentException("At least one complaint with a positive weight is needed.", nameof(complaints));
        }
    }

    public double CallsPerHour { get; }

    public bool FollowTimeOfDay { get; }

    /// <summary>The rate now: the mean rate, scaled by the hour's factor in the region's local time when following the day.</summary>
    public double CurrentCallsPerHour()
    {
        if (!FollowTimeOfDay)
        {
            return CallsPerHour;
        }

        var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone);
        return CallsPerHour * DemoCallMix.HourOfDayFactors[local.Hour];
    }

    /// <summary>The wait until the next call: exponential with the current rate (calls of a population arrive independently).</summary>
    public TimeSpan NextInterval()
    {
        var u = 1.0 - random.NextDouble(); // (0, 1], so the log is finite
        return TimeSpan.FromHours(-Math.Log(u) / CurrentCallsPerHour());
    }

    /// <summary>A call somewhere in the box between the two corners.</summary>
    public DemoCall NextCall(GeoPoint southWest, GeoPoint northEast)
    {
        var kind = complaints[^1];
        var pick = random.NextDouble() * totalWeight;
        foreach (var complaint in complaints)
        {
            pick -= complaint.Weight;
            if (pick < 0)
            {
                kind = complaint;
                break;
            }
        }

        var location = new GeoPoint(
            southWest.Lat + (random.NextDouble() * (northEast.Lat - southWest.Lat)),
            southWest.Lon + (random.NextDouble() * (northEast.Lon - southWest.Lon)));
        var transport = kind.Priority <= 2 || random.NextDouble() >= DemoCallMix.LowAcuityNoTransportShare;
        return new DemoCall(location, kind, transport);
    }
}
