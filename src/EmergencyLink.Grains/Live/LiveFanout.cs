using System.Collections.Immutable;
using EmergencyLink.Grains.Live.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmergencyLink.Grains.Live;

/// <summary>
/// This node's place in the fan-out: registers its receiver with the registry (and renews it), links to every other
/// live node, and unlinks a node as soon as membership says its silo is going or gone.
/// </summary>
/// <remarks>
/// Links are added from the registry's lists but removed only by membership or a node's own goodbye: a registry that
/// has just been reactivated elsewhere returns a partial list until every node has renewed, and that must not cut a
/// healthy peer off.
/// </remarks>
public sealed class LiveFanout : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly IGrainFactory grains;
    private readonly IClusterMembershipService membership;
    private readonly TimeProvider time;
    private readonly LiveFanoutOptions options;
    private readonly ILogger<LiveFanout> logger;
    private readonly SiloAddress self;
    private readonly object gate = new();
    private readonly CancellationTokenSource stopping = new();

    // Observers are held weakly by Orleans: this field keeps the receiver (and so its reference) alive.
    private readonly LiveNodeReceiver receiver;
    private ILiveNode? reference;
    private ImmutableArray<LiveNodeLink> links = [];
    private Task background = Task.CompletedTask;

    public LiveFanout(
        IGrainFactory grains,
        IClusterMembershipService membership,
        ILocalSiloDetails silo,
        TimeProvider time,
        IOptions<LiveFanoutOptions> options,
        IServiceProvider services,
        ILogger<LiveFanout> logger)
    {
        this.grains = grains;
        this.membership = membership;
        this.time = time;
        this.options = options.Value;
        this.logger = logger;
        self = silo.SiloAddress;
        // Built on the first change from another node: a single node never builds (or starts) its replica feed.
        receiver = new LiveNodeReceiver(
            new Lazy<ILiveFeed>(() => services.GetRequiredKeyedService<ILiveFeed>(LiveFeedKeys.Replica)), this, this.options.QueueCapacity, logger);
    }

    /// <summary>Read without a lock on every change: an immutable array swapped whole.</summary>
    internal ImmutableArray<LiveNodeLink> Links => links;

    public IReadOnlyList<LiveNodeLinkStats> Stats() => links.Select(l => l.Stats).ToArray();

    /// <summary>Changes from other nodes this node dropped because it could not perform them as fast as they came.</summary>
    public long DroppedOnReceipt => receiver.Dropped;

    internal void Forward(LiveEvent change)
    {
        foreach (var link in links)
        {
            link.Enqueue(change);
        }
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(LiveFanout), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    /// <summary>
    /// Registers before the host goes on to serve: a node that took connections before it was linked would show its
    /// viewers nothing of what other nodes' grains change meanwhile. Bounded, so a registry that cannot be reached
    /// delays start by seconds at most; the renewals keep trying.
    /// </summary>
    private async Task StartAsync(CancellationToken cancellationToken)
    {
        reference = grains.CreateObjectReference<ILiveNode>(receiver);
        var registered = false;
        try
        {
            registered = await RegisterAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("The live node registry did not answer at start; retrying in the background");
        }

        background = Task.WhenAll(Task.Run(() => RenewAsync(registered)), Task.Run(WatchMembershipAsync));
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        try
        {
            await grains.GetGrain<ILiveNodeRegistryGrain>(0).UnregisterAsync(self).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogInformation(ex, "Could not say goodbye to the live node registry; peers drop this node when membership does");
        }
        catch (OperationCanceledException)
        {
        }

        ImmutableArray<LiveNodeLink> closing;
        lock (gate)
        {
            closing = links;
            links = [];
        }

        foreach (var link in closing)
        {
            await link.DisposeAsync();
        }

        receiver.Complete();
        await Task.WhenAll(background, receiver.Performing).WaitAsync(TimeSpan.FromSeconds(2), CancellationToken.None)
            .ContinueWith(_ => { }, TaskScheduler.Default);
        if (reference is not null)
        {
            grains.DeleteObjectReference<ILiveNode>(reference);
        }
    }

    /// <summary>Adds a link to every listed node not yet linked, except this one and any membership says is gone.</summary>
    internal void Link(IEnumerable<LiveNodeEntry> nodes)
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }

        var snapshot = membership.CurrentSnapshot;
        lock (gate)
        {
            var next = links;
            foreach (var node in nodes)
            {
                if (node.Silo.Equals(self) || snapshot.GetSiloStatus(node.Silo).IsTerminating())
                {
                    continue;
                }

                var existing = next.FirstOrDefault(l => l.Entry.Silo.Equals(node.Silo));
                if (existing is not null && existing.Entry.Node.Equals(node.Node))
                {
                    continue;
                }

                if (existing is not null)
                {
                    next = next.Remove(existing);
                    _ = existing.DisposeAsync().AsTask();
                }

                next = next.Add(new LiveNodeLink(node, options, logger));
                logger.LogInformation("Live changes now also go to node {Silo}", node.Silo);
            }

            links = next;
        }
    }

    private void Unlink(Func<SiloAddress, bool> gone)
    {
        List<LiveNodeLink> removed;
        lock (gate)
        {
            removed = links.Where(l => gone(l.Entry.Silo)).ToList();
            if (removed.Count == 0)
            {
                return;
            }

            links = links.RemoveRange(removed);
        }

        foreach (var link in removed)
        {
            var stats = link.Stats;
            logger.LogInformation("Live node {Silo} is gone; it was sent {Forwarded} changes, {Dropped} dropped", stats.Silo, stats.Forwarded, stats.Dropped);
            _ = link.DisposeAsync().AsTask();
        }
    }

    private async Task RenewAsync(bool registered)
    {
        while (!stopping.IsCancellationRequested)
        {
            // At start the registry's silo may still be joining: after a failure, try again soon, not after an interval.
            try
            {
                await Task.Delay(registered ? options.RenewInterval : TimeSpan.FromSeconds(1), time, stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            registered = await RegisterAsync();
        }
    }

    private async Task<bool> RegisterAsync()
    {
        try
        {
            var nodes = await grains.GetGrain<ILiveNodeRegistryGrain>(0).RegisterAsync(new LiveNodeEntry(self, reference!));
            Link(nodes);
            var listed = nodes.Select(n => n.Silo).ToHashSet();

            // Unlisted and not Active: gone without membership's word reaching this silo yet. Unlisted but Active is
            // more likely a registry just reactivated and not yet renewed by that node: it stays linked.
            Unlink(s => !listed.Contains(s) && membership.CurrentSnapshot.GetSiloStatus(s) != SiloStatus.Active);
            return true;
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Could not register with the live node registry; retrying");
            return false;
        }
    }

    private async Task WatchMembershipAsync()
    {
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stopping.Token))
            {
                Unlink(s => snapshot.GetSiloStatus(s).IsTerminating());
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Stopped watching membership; links to dead nodes now end only at their renewal");
        }
    }
}
