namespace EmergencyLink.EndToEnd.Tests;

/// <summary>
/// The cluster tests start two server processes at a time on a 2-core machine: they run alone, after the parallel
/// collections, so their load does not starve the timing-sensitive tests of the single-server collections.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "Cluster";
}
