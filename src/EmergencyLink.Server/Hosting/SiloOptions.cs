namespace EmergencyLink.Server.Hosting;

public sealed class SiloOptions
{
    public const string Section = "Orleans";

    /// <summary>Orleans' own defaults; a second host on one machine needs other ports.</summary>
    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    public string ClusterId { get; set; } = "emergencylink";

    public string ServiceId { get; set; } = "emergencylink";
}
