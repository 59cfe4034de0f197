using EmergencyLink.Grains.Live.Events;
using Orleans.Concurrency;

namespace EmergencyLink.Grains.Live;

/// <summary>
/// A server node's receiver of other nodes' live changes: it performs them on its own feed (its SignalR connections,
/// its consoles' circuits, its case watchers).
/// </summary>
public interface ILiveNode : IGrainObserver
{
    /// <summary>
    /// Changes from one sending node, in the order it made them. A sender has one batch in flight per receiver, so
    /// a receiver sees a sender's changes in order. The timeout is short because a batch the receiver takes longer
    /// than this over is live data gone stale; the sender counts it lost rather than holding its queue.
    /// </summary>
    [ResponseTimeout("00:00:05")]
    Task DeliverAsync(LiveEvent[] events);

    /// <summary>
    /// The cases whose full-rate telemetry (ECG, video) the sending node's viewers have open, all of them, versioned by
    /// the sender. Other nodes send that node only the vitals of every other case.
    /// </summary>
    [ResponseTimeout("00:00:05")]
    Task ViewingAsync(SiloAddress from, long version, string[] cases);

    /// <summary>The registry's current list of live nodes (pushed when a node joins, so it is reached at once).</summary>
    [OneWay]
    Task NodesChangedAsync(LiveNodeEntry[] nodes);
}
