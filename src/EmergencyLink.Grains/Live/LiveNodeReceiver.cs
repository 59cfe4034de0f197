using System.Threading.Channels;
using EmergencyLink.Grains.Live.Events;
using Microsoft.Extensions.Logging;

namespace EmergencyLink.Grains.Live;

/// <summary>
/// This node's observer: takes other nodes' changes and performs them on this node's replica feed, in the order
/// received, from its own background loop.
/// </summary>
/// <remarks>
/// The observer call only enqueues. Performing the changes inside it (awaiting the replica's SignalR sends on the
/// context Orleans invokes observers on) was measured with two server processes (tools/bench-fanout.sh 2 20 10) to
/// push capture → server latency of vehicle uploads on the receiving node from about 5 ms to 0.5–9 s (p50), though
/// the replica's own deliveries stayed fast; performing them from this loop brought it back. An in-process
/// reproduction (a replica that blocks or waits) did not show it, so the mechanism is not pinned down. A full queue
/// (this node cannot keep up) drops and counts here, as a sender does for a slow receiver.
/// </remarks>
internal sealed class LiveNodeReceiver : ILiveNode
{
    private readonly Lazy<ILiveFeed> replica;
    private readonly LiveFanout fanout;
    private readonly ILogger logger;
    private readonly Channel<LiveEvent[]> received = Channel.CreateUnbounded<LiveEvent[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly int capacity;
    private int queued;
    private long dropped;
    private int overflowing;

    private readonly EmergencyLinkMetrics metrics;

    public LiveNodeReceiver(Lazy<ILiveFeed> replica, LiveFanout fanout, int capacity, EmergencyLinkMetrics metrics, ILogger logger)
    {
        this.metrics = metrics;
        this.replica = replica;
        this.fanout = fanout;
        this.logger = logger;

        // Counted in changes, not batches: batches are small when traffic is light, and it is changes that hold memory.
        this.capacity = Math.Max(1, capacity);
        Performing = Task.Run(PerformAsync);
    }

    public Task Performing { get; }

    public long Dropped => Interlocked.Read(ref dropped);

    public Task DeliverAsync(LiveEvent[] events)
    {
        if (Interlocked.Add(ref queued, events.Length) > capacity || !received.Writer.TryWrite(events))
        {
            Interlocked.Add(ref queued, -events.Length);
            var total = Interlocked.Add(ref dropped, events.Length);
            metrics.FanoutChanges("dropped_receiving", events.Length);
            if (Interlocked.Exchange(ref overflowing, 1) == 0)
            {
                logger.LogWarning("Live changes from other nodes are being dropped: this node cannot perform them as fast as they come; {Dropped} dropped so far", total);
            }
        }

        return Task.CompletedTask;
    }

    public Task ViewingAsync(SiloAddress from, long version, string[] cases)
    {
        fanout.SetViewing(from, version, cases);
        return Task.CompletedTask;
    }

    public Task NodesChangedAsync(LiveNodeEntry[] nodes)
    {
        fanout.Link(nodes);
        return Task.CompletedTask;
    }

    public void Complete() => received.Writer.TryComplete();

    private async Task PerformAsync()
    {
        await foreach (var events in received.Reader.ReadAllAsync())
        {
            Interlocked.Add(ref queued, -events.Length);
            Interlocked.Exchange(ref overflowing, 0);
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
    }
}
