using System.Threading.Channels;
using EmergencyLink.Grains.Live.Events;
using Microsoft.Extensions.Logging;

namespace EmergencyLink.Grains.Live;

/// <summary>
/// The ordered queue of changes for one remote node, pumped in the background with one batch in flight, so a grain
/// only ever pays an enqueue and a remote node sees this node's changes in the order they were made.
/// </summary>
/// <remarks>
/// Delivery is at most once. A full queue (the node is slow, or gone and not yet declared dead) drops the new change
/// and counts it; a failed or timed-out batch is counted lost, not retried, because it may have been performed and a
/// viewer must never see a frame twice. Viewers recover what they missed the way they do after a reconnect (a
/// snapshot over HTTP, the archive's replay of telemetry), and membership ends the link of a dead node.
/// </remarks>
internal sealed class LiveNodeLink : IAsyncDisposable
{
    private readonly Channel<LiveEvent> queue;
    private readonly ILiveNode node;
    private readonly int maxBatch;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task pump;
    private long forwarded;
    private long dropped;
    private int overflowing;

    private readonly EmergencyLinkMetrics metrics;

    public LiveNodeLink(LiveNodeEntry entry, LiveFanoutOptions options, EmergencyLinkMetrics metrics, ILogger logger)
    {
        this.metrics = metrics;
        Entry = entry;
        node = entry.Node;
        maxBatch = Math.Max(1, options.MaxBatch);
        this.logger = logger;
        queue = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(Math.Max(1, options.QueueCapacity))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        pump = Task.Run(PumpAsync);
    }

    public LiveNodeEntry Entry { get; }

    public LiveNodeLinkStats Stats => new(Entry.Silo, Interlocked.Read(ref forwarded), Interlocked.Read(ref dropped), queue.Reader.Count);

    /// <summary>Never waits: with FullMode.Wait, TryWrite is false exactly when the queue is full.</summary>
    public void Enqueue(LiveEvent change)
    {
        if (queue.Writer.TryWrite(change))
        {
            return;
        }

        var total = Interlocked.Increment(ref dropped);
        metrics.FanoutChanges("dropped_sending", 1);
        if (Interlocked.Exchange(ref overflowing, 1) == 0)
        {
            logger.LogWarning("Live changes for node {Silo} are being dropped: its queue is full (the node is slow or gone); {Dropped} dropped so far",
                Entry.Silo, total);
        }
    }

    private async Task PumpAsync()
    {
        var batch = new List<LiveEvent>(maxBatch);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stopping.Token))
            {
                batch.Clear();
                while (batch.Count < maxBatch && queue.Reader.TryRead(out var change))
                {
                    batch.Add(change);
                }

                try
                {
                    await node.DeliverAsync([.. batch]);
                    Interlocked.Add(ref forwarded, batch.Count);
                    metrics.FanoutChanges("forwarded", batch.Count);
                    if (Interlocked.Exchange(ref overflowing, 0) == 1)
                    {
                        logger.LogWarning("Live changes for node {Silo} flow again; {Dropped} dropped in all", Entry.Silo, Interlocked.Read(ref dropped));
                    }
                }
                catch (Exception ex) when (!stopping.IsCancellationRequested)
                {
                    var total = Interlocked.Add(ref dropped, batch.Count);
                    metrics.FanoutChanges("dropped_sending", batch.Count);
                    logger.LogWarning(ex, "{Count} live changes for node {Silo} were lost; {Dropped} dropped so far", batch.Count, Entry.Silo, total);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await stopping.CancelAsync();
        try
        {
            // A batch in flight to a dead node would hold this until its response timeout; it is abandoned instead.
            await pump.WaitAsync(TimeSpan.FromSeconds(1));
        }
        catch (TimeoutException)
        {
        }

        // The token source is not disposed: a pump abandoned above still reads it when its call returns.
    }
}
