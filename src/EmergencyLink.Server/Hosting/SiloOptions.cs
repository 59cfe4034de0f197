namespace EmergencyLink.Server.Hosting;

/// <summary>
/// The silo's place in a cluster (<c>Orleans</c> section). <see cref="ClusteringMode"/> chooses single-machine
/// (<see cref="ClusteringMode.Localhost"/>, the default) or a real cluster whose membership lives in Redis.
/// Not <c>Orleans:Clustering</c>: Orleans 10 reads that subsection itself (its configuration-driven providers).
/// </summary>
public sealed class SiloOptions
{
    public const string Section = "Orleans";

    public ClusteringMode ClusteringMode { get; set; } = ClusteringMode.Localhost;

    /// <summary>Orleans' own defaults; a second host on one machine needs other ports.</summary>
    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address other silos reach this one at (Redis clustering). Empty means the first IPv4 address of this
    /// host's name; a loopback cluster says 127.0.0.1, a machine with several interfaces names the right one.
    /// </summary>
    public string AdvertisedIP { get; set; } = "";

    /// <summary>Listen on every interface instead of only <see cref="AdvertisedIP"/> (behind NAT, in a container).</summary>
    public bool ListenOnAnyAddress { get; set; }

    /// <summary>Silos with the same cluster id form one cluster; a new id per deployment keeps old silos out.</summary>
    public string ClusterId { get; set; } = "emergencylink";

    /// <summary>Stays the same across deployments: it keys grain state and reminders.</summary>
    public string ServiceId { get; set; } = "emergencylink";

    public RedisClusteringSettings Redis { get; set; } = new();
}
