namespace EmergencyLink.Domain.Telemetry;

/// <summary>
/// Continuity of one channel of one vehicle as the server sees it: which frames it holds, which are missing, and how
/// they came (in order, backfilled after a hole, duplicated by a resend). Sequences are gapless at the source, so
/// every number below the highest one seen that is not held is a frame still on its way (in the gateway's outbox),
/// never a frame that does not exist.
/// </summary>
public sealed class ChannelContinuity
{
    private readonly SequenceSet held = new();

    public long Received => held.Count;

    public long Duplicates { get; private set; }

    public long Backfilled { get; private set; }

    /// <summary>Frames expected so far: every sequence up to the highest one seen.</summary>
    public long Expected => held.Highest;

    public long ContiguousThrough => held.ContiguousThrough;

    public SequenceSet Held => held;

    /// <summary>Rebuilds the tracker from what the archive holds (after a restart); the counters restart from it.</summary>
    public static ChannelContinuity FromHeld(IEnumerable<(long From, long To)> ranges, long duplicates = 0, long backfilled = 0)
    {
        var continuity = new ChannelContinuity { Duplicates = duplicates, Backfilled = backfilled };
        foreach (var (from, to) in ranges)
        {
            continuity.held.AddRange(from, to);
        }

        return continuity;
    }

    /// <summary>Classifies a frame without taking it (the frame is taken by <see cref="Record"/> once it is safe).</summary>
    public ContinuityOutcome Classify(long sequence) =>
        held.Contains(sequence) ? ContinuityOutcome.Duplicate
        : sequence < held.Highest ? ContinuityOutcome.Backfilled
        : ContinuityOutcome.InOrder;

    public ContinuityOutcome Record(long sequence)
    {
        var outcome = Classify(sequence);
        switch (outcome)
        {
            case ContinuityOutcome.Duplicate:
                Duplicates++;
                break;
            case ContinuityOutcome.Backfilled:
                Backfilled++;
                held.Add(sequence);
                break;
            default:
                held.Add(sequence);
                break;
        }

        return outcome;
    }

    /// <summary>Counts a resent frame that was already held.</summary>
    public void CountDuplicate() => Duplicates++;
}
