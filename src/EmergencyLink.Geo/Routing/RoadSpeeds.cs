using EmergencyLink.Geo.Maps;

namespace EmergencyLink.Geo.Routing;

/// <summary>
/// Emergency travel speed on a road: the posted speed times a per-class factor, capped per class. Ambulances under
/// lights and sirens gain most on arterials, where traffic yields and lanes are wide, and little on residential
/// streets and motorways (measured gains of roughly 10–25 % on urban arterials: Ho &amp; Lindquist 2001, Brown et al.
/// 2000). The factors are settings, to be calibrated against a region's real response times.
/// </summary>
public sealed class RoadSpeeds
{
    public double MotorwayFactor { get; set; } = 1.0;

    public double ArterialFactor { get; set; } = 1.2;

    public double LocalFactor { get; set; } = 1.05;

    /// <summary>Speed assumed between the snapped road point and the true location (driveways, yards, car parks).</summary>
    public double AccessSpeedKmh { get; set; } = 15;

    public double EmergencySpeedKmh(RoadClass roadClass, double postedKmh) => roadClass switch
    {
        RoadClass.Motorway or RoadClass.Trunk => Math.Min(postedKmh * MotorwayFactor, 130),
        RoadClass.Primary or RoadClass.Secondary => Math.Min(postedKmh * ArterialFactor, 90),
        RoadClass.Service => Math.Min(postedKmh, 20),
        _ => Math.Min(postedKmh * LocalFactor, 60),
    };
}
