using EmergencyLink.Grains.Live.Events;
using Microsoft.Extensions.Logging;

namespace EmergencyLink.Grains.Live;

/// <summary>This node's observer: performs other nodes' changes on this node's replica feed, in the order received.</summary>
internal sealed class LiveNodeReceiver(Lazy<ILiveFeed> replica, LiveFanout fanout, ILogger logger) : ILiveNode
{
    public async Task DeliverAsync(LiveEvent[] events)
    {
        foreach (var change in events)
        {
            try
            {
                await change.ApplyAsync(replica.Value);
            }
            catch (Exception ex)
            {
                // One viewer's failure must not cost the rest of the batch, as on the origin node.
                logger.LogWarning(ex, "A live change from another node could not be delivered here: {Change}", change.GetType().Name);
            }
        }
    }

    public Task NodesChangedAsync(LiveNodeEntry[] nodes)
    {
        fanout.Link(nodes);
        return Task.CompletedTask;
    }
}
