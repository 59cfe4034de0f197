namespace EmergencyLink.EndToEnd.Tests;

/// <summary>
/// The cluster tests start two or three server processes at a time on a 2-core machine: they run alone, after the
/// parallel collections, so their load does not starve the timing-sensitive tests of the single-server collections;
/// and they share one private Redis and PostgreSQL (<see cref="ClusterInfrastructure"/>).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection : ICollectionFixture<ClusterInfrastructure>
{
    public const string Name = "Cluster";
}
