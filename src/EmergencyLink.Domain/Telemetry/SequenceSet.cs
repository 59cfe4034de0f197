namespace EmergencyLink.Domain.Telemetry;

/// <summary>
/// The sequence numbers held for one channel as sorted, disjoint, non-adjacent ranges. A stream is contiguous but for
/// its holes, so this stays a handful of ranges however long the transport; adding at the top is O(1).
/// </summary>
public sealed class SequenceSet
{
    private readonly List<(long From, long To)> ranges = [];

    public long Count { get; private set; }

    /// <summary>The highest sequence held, or 0.</summary>
    public long Highest => ranges.Count == 0 ? 0 : ranges[^1].To;

    /// <summary>Every sequence from 1 up to this one is held (0 when 1 is not).</summary>
    public long ContiguousThrough => ranges.Count > 0 && ranges[0].From == 1 ? ranges[0].To : 0;

    public IReadOnlyList<(long From, long To)> Ranges => ranges;

    /// <summary>The ranges missing between 1 and <see cref="Highest"/>.</summary>
    public IReadOnlyList<(long From, long To)> Gaps()
    {
        var gaps = new List<(long, long)>();
        var next = 1L;
        foreach (var (from, to) in ranges)
        {
            if (from > next)
            {
                gaps.Add((next, from - 1));
            }

            next = to + 1;
        }

        return gaps;
    }

    public bool Contains(long sequence)
    {
        var i = IndexAtOrBefore(sequence);
        return i >= 0 && ranges[i].To >= sequence;
    }

    /// <summary>Adds a sequence; false when it was already held.</summary>
    public bool Add(long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        if (ranges.Count > 0 && sequence == ranges[^1].To + 1)
        {
            ranges[^1] = (ranges[^1].From, sequence);
            Count++;
            return true;
        }

        var i = IndexAtOrBefore(sequence);
        if (i >= 0 && ranges[i].To >= sequence)
        {
            return false;
        }

        var joinsLeft = i >= 0 && ranges[i].To == sequence - 1;
        var joinsRight = i + 1 < ranges.Count && ranges[i + 1].From == sequence + 1;
        if (joinsLeft && joinsRight)
        {
            ranges[i] = (ranges[i].From, ranges[i + 1].To);
            ranges.RemoveAt(i + 1);
        }
        else if (joinsLeft)
        {
            ranges[i] = (ranges[i].From, sequence);
        }
        else if (joinsRight)
        {
            ranges[i + 1] = (sequence, ranges[i + 1].To);
        }
        else
        {
            ranges.Insert(i + 1, (sequence, sequence));
        }

        Count++;
        return true;
    }

    /// <summary>Adds a whole range above everything held (the archive hands ranges over in order).</summary>
    public void AddRange(long from, long to)
    {
        if (from < 1 || to < from || from <= Highest)
        {
            throw new ArgumentException("Ranges must be added in order, above what is held.", nameof(from));
        }

        if (ranges.Count > 0 && from == Highest + 1)
        {
            ranges[^1] = (ranges[^1].From, to);
        }
        else
        {
            ranges.Add((from, to));
        }

        Count += to - from + 1;
    }

    /// <summary>The last range starting at or before the sequence, or -1.</summary>
    private int IndexAtOrBefore(long sequence)
    {
        var (lo, hi) = (0, ranges.Count - 1);
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (ranges[mid].From <= sequence)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return hi;
    }
}
