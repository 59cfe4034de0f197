namespace EmergencyLink.Geo.Routing;

public sealed class StraightLineOptions
{
    /// <summary>
    /// Average lights-and-sirens speed over a whole urban response. Published averages for urban ambulance
    /// responses sit around 40–55 km/h (e.g. Ho &amp; Casey 1998; Kupas 2016 NHTSA review); 48 km/h is the middle.
    /// </summary>
    public double EmergencySpeedKmh { get; set; } = 48;

    /// <summary>
    /// Road distance over straight-line distance in cities; route-factor studies report 1.2–1.4 (Ballou et al.
    /// 2002; Boscoe et al. 2012 measured 1.417 in the USA). 1.3 is used until road routing replaces this estimator.
    /// </summary>
    public double CircuityFactor { get; set; } = 1.3;
}
