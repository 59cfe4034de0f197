using System.Net;

namespace EmergencyLink.Server.Hosting;

/// <summary>
/// Several hosts on one machine as one cluster without a membership store (<c>Orleans:PrimarySiloPort</c>): Orleans'
/// development clustering, whose membership lives in the primary silo, so the cluster ends with it. For trying a
/// cluster out and for tests of what crosses nodes; a real cluster uses real membership.
/// </summary>
public sealed class DevelopmentClusterOptions
{
    public const string Section = "Orleans";

    /// <summary>The silo port of the primary host on this machine; unset, this host is its own primary.</summary>
    public int? PrimarySiloPort { get; set; }

    public static IPEndPoint? PrimaryOf(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<DevelopmentClusterOptions>()?.PrimarySiloPort is { } port
            ? new IPEndPoint(IPAddress.Loopback, port)
            : null;
}
