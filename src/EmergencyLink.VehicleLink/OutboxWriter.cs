using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace EmergencyLink.VehicleLink;

/// <summary>
/// The outbox's only writer. Requests queue in arrival order; each round takes everything waiting and commits it in
/// one transaction (group commit), so a burst of concurrent enqueues pays for one fsync, not one each. Sequences are
/// assigned here, in queue order, which makes a channel's sequence order its enqueue order; and a frame reaches the
/// index (and so the wire) only after its transaction committed, so nothing is sent that a power loss could undo.
/// </summary>
internal sealed class OutboxWriter
{
    // Bounds on one transaction: large enough that a burst shares one fsync, small enough that the first frame of
    // the group does not wait long behind a pile of video for its commit.
    private const int MaxGroup = 1024;
    private const long MaxGroupBytes = 4L * 1024 * 1024;

    private readonly Channel<OutboxWrite> queue = Channel.CreateUnbounded<OutboxWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly OutboxStore store;
    private readonly Dictionary<string, StoredChannel> channels;
    private readonly Action<IReadOnlyList<FrameEntry>> committed;
    private readonly AsyncPulse changed;
    private readonly ILogger logger;
    private int pending;
    private long commits;
    private Task loop = Task.CompletedTask;

    public OutboxWriter(OutboxStore store, IReadOnlyDictionary<string, StoredChannel> channels, Action<IReadOnlyList<FrameEntry>> committed, AsyncPulse changed, ILogger logger)
    {
        this.store = store;
        this.channels = new Dictionary<string, StoredChannel>(channels, StringComparer.Ordinal);
        this.committed = committed;
        this.changed = changed;
        this.logger = logger;
    }

    /// <summary>No write is queued or in progress.</summary>
    public bool IsIdle => Volatile.Read(ref pending) == 0;

    /// <summary>Transactions committed so far.</summary>
    public long Commits => Interlocked.Read(ref commits);

    public void Start() => loop = Task.Run(RunAsync);

    public Task<long> EnqueueAsync(string caseId, string channel, Domain.Telemetry.TelemetryKind kind, long capturedAtMicros, byte[] payload)
    {
        var completion = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Increment(ref pending);
        if (!queue.Writer.TryWrite(new PendingEnqueue(caseId, channel, kind, capturedAtMicros, payload, completion)))
        {
            Interlocked.Decrement(ref pending);
            throw new ObjectDisposedException(nameof(VehicleGateway), "The gateway is stopped.");
        }

        return completion.Task;
    }

    /// <summary>
    /// Queues deletions. If the writer has already stopped they are simply not done: the rows stay and the next
    /// process resends them, which the server's idempotence makes harmless.
    /// </summary>
    public void Delete(IReadOnlyList<FrameKey> keys)
    {
        if (keys.Count == 0)
        {
            return;
        }

        Interlocked.Increment(ref pending);
        if (!queue.Writer.TryWrite(new PendingDelete(keys)))
        {
            Interlocked.Decrement(ref pending);
        }
    }

    /// <summary>Stops taking requests and waits until everything already queued is committed (or failed).</summary>
    public Task CompleteAsync()
    {
        queue.Writer.TryComplete();
        return loop;
    }

    private async Task RunAsync()
    {
        var group = new List<OutboxWrite>();
        while (await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var bytes = 0L;
            while (group.Count < MaxGroup && bytes < MaxGroupBytes && queue.Reader.TryRead(out var write))
            {
                group.Add(write);
                bytes += write is PendingEnqueue e ? e.Payload.Length : 0;
            }

            CommitGroup(group);
            Interlocked.Add(ref pending, -group.Count);
            group.Clear();
            changed.Pulse();
        }
    }

    private void CommitGroup(List<OutboxWrite> group)
    {
        var inserts = new List<(FrameEntry Entry, byte[] Payload)>();
        var completions = new List<(TaskCompletionSource<long> Completion, long Sequence)>();
        var assigned = new Dictionary<string, StoredChannel>(StringComparer.Ordinal);
        var deletes = new List<FrameKey>();
        foreach (var write in group)
        {
            switch (write)
            {
                case PendingEnqueue e:
                    var current = assigned.GetValueOrDefault(e.Channel) ?? channels.GetValueOrDefault(e.Channel);
                    if (current is not null && current.Kind != e.Kind)
                    {
                        e.Completion.TrySetException(new ArgumentException($"Channel {e.Channel} carries {current.Kind}, not {e.Kind}.", "kind"));
                        continue;
                    }

                    var sequence = (current?.LastSequence ?? 0) + 1;
                    assigned[e.Channel] = new StoredChannel(e.Kind, sequence);
                    var entry = new FrameEntry(e.Channel, sequence, e.CaseId, e.Kind, e.CapturedAtMicros, e.Payload.Length, VideoPayload.IsKeyFrame(e.Kind, e.Payload));
                    inserts.Add((entry, e.Payload));
                    completions.Add((e.Completion, sequence));
                    break;
                case PendingDelete d:
                    deletes.AddRange(d.Keys);
                    break;
            }
        }

        try
        {
            store.Commit(inserts, assigned, deletes);
        }
#pragma warning disable CA1031 // Whatever failed, the callers must hear of it, and the loop must go on for the next group.
        catch (Exception error)
#pragma warning restore CA1031
        {
            // Nothing of the group is durable: its sequences were never handed out, so reusing them is safe.
            GatewayLog.OutboxCommitFailed(logger, group.Count, error);
            foreach (var (completion, _) in completions)
            {
                completion.TrySetException(error);
            }

            return;
        }

        Interlocked.Increment(ref commits);
        foreach (var (channel, stored) in assigned)
        {
            channels[channel] = stored;
        }

        committed(inserts.ConvertAll(i => i.Entry));
        foreach (var (completion, sequence) in completions)
        {
            completion.TrySetResult(sequence);
        }
    }
}
