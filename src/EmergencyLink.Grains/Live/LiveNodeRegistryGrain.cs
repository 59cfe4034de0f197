using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmergencyLink.Grains.Live;

/// <summary>
/// In memory only: what it holds is who is up now, which renewals rebuild within one interval if this activation is
/// lost with its silo. A node whose silo membership has declared dead (or leaving) is dropped at once; one that merely
/// stops renewing is dropped after <see cref="LiveFanoutOptions.Expiry"/>.
/// </summary>
public sealed class LiveNodeRegistryGrain(
    IClusterMembershipService membership,
    TimeProvider time,
    IOptions<LiveFanoutOptions> options,
    ILogger<LiveNodeRegistryGrain> logger) : Grain, ILiveNodeRegistryGrain
{
    private readonly Dictionary<SiloAddress, (LiveNodeEntry Entry, DateTimeOffset RenewedAt)> nodes = [];

    public Task<LiveNodeEntry[]> RegisterAsync(LiveNodeEntry node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var known = nodes.TryGetValue(node.Silo, out var previous) && previous.Entry.Node.Equals(node.Node);
        nodes[node.Silo] = (node, time.GetUtcNow());
        var pruned = Prune();
        var current = Current();
        if (!known || pruned)
        {
            logger.LogInformation("Live node {Silo} registered; {Count} live nodes", node.Silo, current.Length);
            Announce(current);
        }

        return Task.FromResult(current);
    }

    public Task UnregisterAsync(SiloAddress silo)
    {
        if (nodes.Remove(silo))
        {
            Prune();
            logger.LogInformation("Live node {Silo} left; {Count} live nodes", silo, nodes.Count);
            Announce(Current());
        }

        return Task.CompletedTask;
    }

    private bool Prune()
    {
        var snapshot = membership.CurrentSnapshot;
        var expired = time.GetUtcNow() - options.Value.Expiry;

        // A silo this silo has not heard of yet (None) may be newer than our view of membership: only a status that
        // says it is going or gone, or silence, removes it.
        var gone = nodes
            .Where(n => n.Value.RenewedAt < expired || snapshot.GetSiloStatus(n.Key).IsTerminating())
            .Select(n => n.Key)
            .ToArray();
        foreach (var silo in gone)
        {
            nodes.Remove(silo);
            logger.LogWarning("Live node {Silo} dropped: its silo is gone or it stopped renewing", silo);
        }

        return gone.Length > 0;
    }

    private LiveNodeEntry[] Current() => nodes.Values.Select(n => n.Entry).ToArray();

    /// <summary>One-way: a dead node's receiver must not hold this grain, and a lost notice is repaired by the next renewal.</summary>
    private void Announce(LiveNodeEntry[] current)
    {
        foreach (var entry in current)
        {
            _ = entry.Node.NodesChangedAsync(current);
        }
    }
}
