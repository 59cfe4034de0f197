namespace EmergencyLink.Server.Hosting;

public enum ClusteringMode
{
    /// <summary>One silo on this machine, no membership store: the development and single-county default.</summary>
    Localhost,

    /// <summary>Membership in Redis: several silos on several machines form one cluster.</summary>
    Redis,
}
