namespace EmergencyLink.Grains.Live;

/// <summary>Which server nodes take live changes, and how to reach them. One per cluster (key 0).</summary>
public interface ILiveNodeRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Registers or renews a node; returns every live node (the caller included).</summary>
    Task<LiveNodeEntry[]> RegisterAsync(LiveNodeEntry node);

    /// <summary>A node is leaving: the others stop sending to it now rather than when its silo is declared dead.</summary>
    Task UnregisterAsync(SiloAddress silo);
}
