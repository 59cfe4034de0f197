namespace EmergencyLink.Grains.Live;

/// <summary>The keyed <see cref="ILiveFeed"/> services a host registers for the fan-out.</summary>
public static class LiveFeedKeys
{
    /// <summary>Everything a change means on the node whose grain made it (what a single server does).</summary>
    public const string Origin = "live-origin";

    /// <summary>What another node's change means on this node: delivery to what this node alone holds.</summary>
    public const string Replica = "live-replica";
}
