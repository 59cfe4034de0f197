namespace EmergencyLink.Geo.Coverage;

public sealed class CoverageOptions
{
    public const string Section = "Coverage";

    /// <summary>
    /// The response target a demand point must be reached within: NHS England's category 1 mean of 7 minutes
    /// (Ambulance Response Programme, 2017) by default.
    /// </summary>
    public double TargetMinutes { get; set; } = 7;

    /// <summary>
    /// A file of historical calls (<c>lat,lon[,weight]</c> per line) to weigh demand by; empty means uniform over the
    /// road network.
    /// </summary>
    public string DemandFile { get; set; } = "";

    /// <summary>Radius drawn round each uncovered demand point when the uncovered area is shown as polygons.</summary>
    public double UncoveredRadiusMeters { get; set; } = 150;
}
