using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.VehicleLink;

/// <summary>
/// The gateway's view of its outbox: which committed frames are unsent, on the wire, or gone, and the counters. It
/// decides what goes next (<see cref="TakeBatch"/>) and what video to give up (<see cref="Thin"/>). One lock guards
/// all of it, so every decision sees one consistent state; the work under it is small (a few channels, one batch).
/// </summary>
internal sealed class OutboxIndex(VehicleGatewayOptions options)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, ChannelQueue> channels = new(StringComparer.Ordinal);
    private long sent;
    private long acked;
    private long rejected;
    private long thinned;
    private long resent;
    private long bytesSent;
    private DateTimeOffset? lastAckAt;

    /// <summary>
    /// The index is empty and <paramref name="writerIdle"/> holds, judged together under the lock: removals queue
    /// their row deletions under the same lock, so "empty" can never be seen between a removal and its delete.
    /// </summary>
    public bool IsDrained(Func<bool> writerIdle)
    {
        lock (gate)
        {
            return channels.Values.All(q => q.Count == 0) && writerIdle();
        }
    }

    /// <summary>Adds committed frames; only committed ones, so nothing is ever sent that a power loss could take back.</summary>
    public void Add(IEnumerable<FrameEntry> entries)
    {
        lock (gate)
        {
            foreach (var entry in entries)
            {
                if (!channels.TryGetValue(entry.Channel, out var queue))
                {
                    channels[entry.Channel] = queue = new ChannelQueue(entry.Channel, entry.Kind);
                }

                queue.Add(entry);
            }
        }
    }

    /// <summary>
    /// Drops unsent non-key video frames, oldest first, while a video channel's backlog is older than
    /// <see cref="VehicleGatewayOptions.VideoBacklogLimit"/> or bigger than <see cref="VehicleGatewayOptions.VideoBacklogBytes"/>.
    /// Stale video is worth little and would hold the link; ECG and vitals are never thinned. Key frames stay so what
    /// remains still decodes. Frames on the wire are left alone: the server may already have them.
    /// </summary>
    public void Thin(long nowMicros, Action<IReadOnlyList<FrameKey>> delete)
    {
        var limitMicros = options.VideoBacklogLimit.Ticks / TimeSpan.TicksPerMicrosecond;
        lock (gate)
        {
            List<FrameKey>? dropped = null;
            foreach (var queue in channels.Values)
            {
                if (queue.Kind != TelemetryKind.Video || queue.Unsent.Count == 0)
                {
                    continue;
                }

                var bytes = queue.UnsentBytes;
                List<long>? victims = null;
                foreach (var sequence in queue.Unsent)
                {
                    var entry = queue[sequence];
                    if (nowMicros - entry.CapturedAtMicros <= limitMicros && bytes <= options.VideoBacklogBytes)
                    {
                        break;
                    }

                    if (!entry.KeyFrame)
                    {
                        (victims ??= []).Add(sequence);
                        bytes -= entry.Size;
                    }
                }

                foreach (var sequence in victims ?? [])
                {
                    queue.Remove(sequence);
                    thinned++;
                    (dropped ??= []).Add(new FrameKey(queue.Channel, sequence));
                }
            }

            if (dropped is not null)
            {
                delete(dropped);
            }
        }
    }

    /// <summary>
    /// The next upload, or null if nothing is waiting. Order: ECG and vitals before any video; within each of those
    /// two classes live frames first (captured within <see cref="VehicleGatewayOptions.LiveWindow"/>), oldest live
    /// first, then the backlog oldest first, so after a coverage hole the clinicians see now, and the hole fills in
    /// behind it without ever starving. Video also keeps to <see cref="VehicleGatewayOptions.MaxVideoBytesInFlight"/>,
    /// so an ECG frame never waits behind more than that much video queued on the link.
    /// </summary>
    public OutgoingBatch? TakeBatch(long batchId, long nowMicros)
    {
        var liveFrom = nowMicros - (options.LiveWindow.Ticks / TimeSpan.TicksPerMicrosecond);
        lock (gate)
        {
            var taken = new List<FrameEntry>();
            var bytes = 0L;
            var videoInFlight = channels.Values.Where(q => q.Kind == TelemetryKind.Video).Sum(q => q.Bytes - q.UnsentBytes);
            var videoTaken = 0L;

            bool Fits(FrameEntry entry)
            {
                if (taken.Count >= options.MaxBatchFrames || (taken.Count > 0 && bytes + entry.Size > options.MaxBatchBytes))
                {
                    return false;
                }

                // At least one video frame may always go when none is on the wire, however big, or video would starve.
                return entry.Kind != TelemetryKind.Video
                    || videoInFlight + videoTaken + entry.Size <= options.MaxVideoBytesInFlight
                    || videoInFlight + videoTaken == 0;
            }

            void Take(FrameEntry entry)
            {
                taken.Add(entry);
                bytes += entry.Size;
                if (entry.Kind == TelemetryKind.Video)
                {
                    videoTaken += entry.Size;
                }
            }

            foreach (var video in (ReadOnlySpan<bool>)[false, true])
            {
                var queues = channels.Values.Where(q => (q.Kind == TelemetryKind.Video) == video && q.Unsent.Count > 0).ToList();
                if (queues.Count == 0)
                {
                    continue;
                }

                // Live: each channel's unsent suffix captured within the window. Channels interleave by capture time.
                var live = new List<FrameEntry>();
                var liveStart = new long[queues.Count];
                for (var i = 0; i < queues.Count; i++)
                {
                    liveStart[i] = long.MaxValue;
                    foreach (var sequence in queues[i].Unsent.Reverse())
                    {
                        var entry = queues[i][sequence];
                        if (entry.CapturedAtMicros < liveFrom)
                        {
                            break;
                        }

                        live.Add(entry);
                        liveStart[i] = sequence;
                    }
                }

                live.Sort(static (a, b) => a.CapturedAtMicros != b.CapturedAtMicros
                    ? a.CapturedAtMicros.CompareTo(b.CapturedAtMicros)
                    : a.Sequence.CompareTo(b.Sequence));
                foreach (var entry in live)
                {
                    if (!Fits(entry))
                    {
                        return Seal(batchId, taken);
                    }

                    Take(entry);
                }

                // Backlog: merge the channels' unsent prefixes (below their live suffix), oldest capture first.
                var cursors = new IEnumerator<long>?[queues.Count];
                for (var i = 0; i < queues.Count; i++)
                {
                    cursors[i] = queues[i].Unsent.GetEnumerator();
                    Advance(i);
                }

                while (true)
                {
                    var best = -1;
                    for (var i = 0; i < cursors.Length; i++)
                    {
                        if (cursors[i] is { } c && (best < 0 || Older(queues[i][c.Current], queues[best][cursors[best]!.Current])))
                        {
                            best = i;
                        }
                    }

                    if (best < 0)
                    {
                        break;
                    }

                    var entry = queues[best][cursors[best]!.Current];
                    if (!Fits(entry))
                    {
                        return Seal(batchId, taken);
                    }

                    Take(entry);
                    Advance(best);
                }

                void Advance(int i)
                {
                    if (cursors[i] is { } c && (!c.MoveNext() || c.Current >= liveStart[i]))
                    {
                        c.Dispose();
                        cursors[i] = null;
                    }
                }
            }

            return Seal(batchId, taken);
        }
    }

    /// <summary>
    /// Applies the server's answer: frames it holds (by coverage, whichever batch carried them) and frames it refuses
    /// leave the index and are returned for deletion; frames of this batch it mentions neither way go back to unsent,
    /// since only coverage makes a frame safe to forget.
    /// </summary>
    /// <returns>How many frames of the batch the server rejected.</returns>
    public int ApplyAck(OutgoingBatch batch, UploadAck ack, DateTimeOffset now, Action<IReadOnlyList<FrameKey>> delete)
    {
        var removed = new List<FrameEntry>();
        lock (gate)
        {
            foreach (var channelAck in ack.Channels ?? [])
            {
                if (channelAck is not null && channels.TryGetValue(channelAck.Channel, out var queue))
                {
                    queue.RemoveCovered(channelAck, removed);
                }
            }

            acked += removed.Count;
            var refused = 0;
            foreach (var rejection in ack.Rejected ?? [])
            {
                if (rejection is not null && channels.TryGetValue(rejection.Channel, out var queue) && queue.Remove(rejection.Sequence) is { } entry)
                {
                    removed.Add(entry);
                    refused++;
                }
            }

            rejected += refused;
            ReturnLocked(batch);
            lastAckAt = now;
            if (removed.Count > 0)
            {
                delete(removed.ConvertAll(e => e.Key));
            }

            return refused;
        }
    }

    /// <summary>The upload failed or timed out: its frames are still in the outbox and go again.</summary>
    public void Return(OutgoingBatch batch)
    {
        lock (gate)
        {
            ReturnLocked(batch);
        }
    }

    public void ReturnAllInFlight()
    {
        lock (gate)
        {
            foreach (var queue in channels.Values)
            {
                queue.ReturnAllInFlight();
            }
        }
    }

    /// <summary>Frames whose rows were not found when their payload was read; there is nothing left to send.</summary>
    public void Forget(IEnumerable<FrameEntry> entries)
    {
        lock (gate)
        {
            foreach (var entry in entries)
            {
                if (channels.TryGetValue(entry.Channel, out var queue))
                {
                    queue.Remove(entry.Sequence);
                }
            }
        }
    }

    public GatewayCounters Snapshot(LinkState state)
    {
        lock (gate)
        {
            var backlog = new Dictionary<string, ChannelBacklog>(channels.Count, StringComparer.Ordinal);
            var queued = 0L;
            foreach (var queue in channels.Values)
            {
                backlog[queue.Channel] = new ChannelBacklog(queue.Count, queue.Bytes, queue.InFlight);
                queued += queue.Count;
            }

            return new GatewayCounters(state, queued, sent, acked, rejected, thinned, resent, bytesSent, backlog, lastAckAt);
        }
    }

    private static bool Older(FrameEntry a, FrameEntry b) =>
        a.CapturedAtMicros != b.CapturedAtMicros ? a.CapturedAtMicros < b.CapturedAtMicros : a.Sequence < b.Sequence;

    private OutgoingBatch? Seal(long batchId, List<FrameEntry> taken)
    {
        if (taken.Count == 0)
        {
            return null;
        }

        foreach (var entry in taken)
        {
            channels[entry.Channel].MarkSent(entry, batchId);
            sent++;
            bytesSent += entry.Size;
            if (entry.SentBefore)
            {
                resent++;
            }

            entry.SentBefore = true;
        }

        return new OutgoingBatch(batchId, taken);
    }

    private void ReturnLocked(OutgoingBatch batch)
    {
        foreach (var entry in batch.Entries)
        {
            if (!entry.Removed && entry.Batch == batch.Id)
            {
                channels[entry.Channel].MarkUnsent(entry);
            }
        }
    }
}
