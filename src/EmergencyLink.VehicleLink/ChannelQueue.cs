using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.VehicleLink;

/// <summary>One channel's share of the outbox index: every frame still in the outbox, and which of them are unsent. Guarded by the index's lock.</summary>
internal sealed class ChannelQueue(string channel, TelemetryKind kind)
{
    private readonly Dictionary<long, FrameEntry> frames = [];
    private readonly SortedSet<long> all = [];

    public string Channel { get; } = channel;

    public TelemetryKind Kind { get; } = kind;

    /// <summary>Unsent sequences, ascending: the backlog is read from the low end, live frames from the high end.</summary>
    public SortedSet<long> Unsent { get; } = [];

    public int Count => frames.Count;

    public long Bytes { get; private set; }

    public long UnsentBytes { get; private set; }

    public int InFlight => frames.Count - Unsent.Count;

    public FrameEntry this[long sequence] => frames[sequence];

    public void Add(FrameEntry entry)
    {
        if (!frames.TryAdd(entry.Sequence, entry))
        {
            return;
        }

        all.Add(entry.Sequence);
        Bytes += entry.Size;
        if (entry.Batch == 0)
        {
            Unsent.Add(entry.Sequence);
            UnsentBytes += entry.Size;
        }
    }

    public void MarkSent(FrameEntry entry, long batch)
    {
        if (entry.Batch == 0 && Unsent.Remove(entry.Sequence))
        {
            UnsentBytes -= entry.Size;
        }

        entry.Batch = batch;
    }

    public void MarkUnsent(FrameEntry entry)
    {
        entry.Batch = 0;
        if (Unsent.Add(entry.Sequence))
        {
            UnsentBytes += entry.Size;
        }
    }

    public FrameEntry? Remove(long sequence)
    {
        if (!frames.Remove(sequence, out var entry))
        {
            return null;
        }

        all.Remove(sequence);
        Bytes -= entry.Size;
        if (Unsent.Remove(sequence))
        {
            UnsentBytes -= entry.Size;
        }

        entry.Removed = true;
        return entry;
    }

    /// <summary>Everything on the wire becomes unsent again: the link it went out on is gone, and the server may not have it.</summary>
    public void ReturnAllInFlight()
    {
        foreach (var entry in frames.Values)
        {
            if (entry.Batch != 0)
            {
                MarkUnsent(entry);
            }
        }
    }

    /// <summary>
    /// Removes every frame the server says it holds. Coverage may name frames of other batches, or of an earlier
    /// process: the server holding them is all that matters, whichever upload carried them.
    /// </summary>
    public void RemoveCovered(ChannelAck ack, List<FrameEntry> removed)
    {
        RemoveRange(long.MinValue, ack.ContiguousThrough, removed);
        foreach (var range in ack.Above ?? [])
        {
            RemoveRange(range.From, range.To, removed);
        }
    }

    private void RemoveRange(long from, long to, List<FrameEntry> removed)
    {
        if (all.Count == 0 || from > to || to < all.Min || from > all.Max)
        {
            return;
        }

        foreach (var sequence in all.GetViewBetween(Math.Max(from, all.Min), Math.Min(to, all.Max)).ToList())
        {
            removed.Add(Remove(sequence)!);
        }
    }
}
