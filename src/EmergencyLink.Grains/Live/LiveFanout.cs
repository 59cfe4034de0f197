using System.Collections.Concurrent;
using System.Collections.Frozen;
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
/// <para>
/// Full-rate telemetry (ECG at 25 frames/s, video) is the bulk of all changes, and only a screen that opened the case
/// shows it; every other viewer (boards, dispatch) shows vitals. So each node tells the others which cases its viewers
/// have open (<see cref="ViewAsync"/>), and a case's full-rate frames go only to nodes that view it, the rest getting
/// its vitals. Sending everything everywhere made the cost of a frame grow with the number of nodes (measured about
/// 0.15 cores per extra node at 1,300 frames/s, docs/benchmarks.md), so more machines added almost no capacity.
/// A screen's hold is announced to every linked node, and awaited, before it reads its backlog from the archive: a
/// frame ingested after that reaches it live, one ingested before is in the archive, as on a single node.
/// </para>
/// </remarks>
public sealed class LiveFanout : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly IGrainFactory grains;
    private readonly IClusterMembershipService membership;
    private readonly TimeProvider time;
    private readonly LiveFanoutOptions options;
    private readonly EmergencyLinkMetrics metrics;
    private readonly ILogger<LiveFanout> logger;
    private readonly SiloAddress self;
    private readonly object gate = new();
    private readonly CancellationTokenSource stopping = new();

    // Observers are held weakly by Orleans: this field keeps the receiver (and so its reference) alive.
    private readonly LiveNodeReceiver receiver;
    private ILiveNode? reference;
    private ImmutableArray<LiveNodeLink> links = [];
    private Task background = Task.CompletedTask;

    private readonly Lock viewGate = new();
    private readonly Dictionary<string, int> viewed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task> firstTold = new(StringComparer.Ordinal);
    private long viewVersion;
    private readonly ConcurrentDictionary<SiloAddress, LiveNodeViewing> remoteViewing = new();

    public LiveFanout(
        IGrainFactory grains,
        IClusterMembershipService membership,
        ILocalSiloDetails silo,
        TimeProvider time,
        IOptions<LiveFanoutOptions> options,
        IServiceProvider services,
        EmergencyLinkMetrics metrics,
        ILogger<LiveFanout> logger)
    {
        this.metrics = metrics;
        this.grains = grains;
        this.membership = membership;
        this.time = time;
        this.options = options.Value;
        this.logger = logger;
        self = silo.SiloAddress;
        // Built on the first change from another node: a single node never builds (or starts) its replica feed.
        receiver = new LiveNodeReceiver(
            new Lazy<ILiveFeed>(() => services.GetRequiredKeyedService<ILiveFeed>(LiveFeedKeys.Replica)), this, this.options.QueueCapacity, metrics, logger);
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

    /// <summary>
    /// Holds a case's full-rate stream open on this node until the result is disposed. Returns once every linked node
    /// has heard of the case's first hold (bounded: a node that does not answer within seconds is told again at the
    /// next renewal); a second hold taken meanwhile waits for the same announcement.
    /// </summary>
    public async Task<IDisposable> ViewAsync(string caseId)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        Task told;
        lock (viewGate)
        {
            if (viewed.TryGetValue(caseId, out var holds))
            {
                viewed[caseId] = holds + 1;
                told = firstTold[caseId];
            }
            else
            {
                viewed[caseId] = 1;
                viewVersion++;
                told = TellAllAsync(links, viewVersion, [.. viewed.Keys]);
                firstTold[caseId] = told;
            }
        }

        var view = new LiveCaseView(this, caseId);
        await told;
        return view;
    }

    /// <summary>Whether a change's full-rate frames of the case go to that node.</summary>
    public bool ViewsAtFullRate(SiloAddress silo, string caseId) =>
        options.FullRateToEveryNode || (remoteViewing.TryGetValue(silo, out var viewing) && viewing.Cases.Contains(caseId));

    /// <summary>How many cases this node's screens hold open at full rate now.</summary>
    public int ViewedCaseCount
    {
        get
        {
            lock (viewGate)
            {
                return viewed.Count;
            }
        }
    }

    internal void Release(string caseId)
    {
        bool last;
        lock (viewGate)
        {
            var holds = viewed[caseId] - 1;
            last = holds == 0;
            if (last)
            {
                viewed.Remove(caseId);
                firstTold.Remove(caseId);
                viewVersion++;
            }
            else
            {
                viewed[caseId] = holds;
            }
        }

        // Not awaited: until the others hear of it they send frames nobody here shows, which costs only their sending.
        if (last)
        {
            _ = AnnounceViewingAsync(links);
        }
    }

    internal void SetViewing(SiloAddress from, long version, string[] cases) =>
        remoteViewing.AddOrUpdate(from, _ => new LiveNodeViewing(version, cases.ToFrozenSet(StringComparer.Ordinal)),
            (_, known) => version >= known.Version ? new LiveNodeViewing(version, cases.ToFrozenSet(StringComparer.Ordinal)) : known);

    private Task AnnounceViewingAsync(IEnumerable<LiveNodeLink> to)
    {
        lock (viewGate)
        {
            return TellAllAsync(to, viewVersion, [.. viewed.Keys]);
        }
    }

    /// <summary>Starts the calls (each only sends a message before its first await) and returns their completion.</summary>
    private Task TellAllAsync(IEnumerable<LiveNodeLink> to, long version, string[] cases) =>
        Task.WhenAll(to.Select(link => TellViewingAsync(link.Entry, version, cases)).ToArray());

    private async Task TellViewingAsync(LiveNodeEntry node, long version, string[] cases)
    {
        try
        {
            await node.Node.ViewingAsync(self, version, cases).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Node {Silo} was not told which cases this node views; it is told again at the next renewal", node.Silo);
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

                var added = new LiveNodeLink(node, options, metrics, logger);
                next = next.Add(added);
                _ = AnnounceViewingAsync([added]);
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
            remoteViewing.TryRemove(link.Entry.Silo, out _);
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

            // Repairs a lost announcement; one small call per node and interval.
            await AnnounceViewingAsync(links);
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
