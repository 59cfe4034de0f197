using EmergencyLink.Contracts.Telemetry;

namespace EmergencyLink.VehicleLink.Tests;

/// <summary>
/// What the fake server holds, kept apart from the server so it survives a stop and restart. Idempotent on
/// (vehicle, channel, sequence) like the real one; answers with contiguous coverage plus ranges above it.
/// </summary>
public sealed class FakeHubState
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Vehicle, string Channel), SortedSet<long>> held = [];
    private readonly List<ReceivedFrame> arrivals = [];
    private readonly Dictionary<(string Vehicle, string Channel, long Sequence), int> refusals = [];
    private int duplicates;
    private int uploads;

    /// <summary>A reason to refuse the frame, or null to take it.</summary>
    public Func<TelemetryFrame, string?>? Refuse { get; set; }

    /// <summary>How long each upload takes to answer, to make a link slow enough to observe.</summary>
    public TimeSpan UploadDelay { get; set; }

    public int Duplicates
    {
        get
        {
            lock (gate)
            {
                return duplicates;
            }
        }
    }

    public int Uploads
    {
        get
        {
            lock (gate)
            {
                return uploads;
            }
        }
    }

    public IReadOnlyList<ReceivedFrame> Arrivals
    {
        get
        {
            lock (gate)
            {
                return [.. arrivals];
            }
        }
    }

    public IReadOnlyDictionary<(string Vehicle, string Channel, long Sequence), int> Refusals
    {
        get
        {
            lock (gate)
            {
                return new Dictionary<(string, string, long), int>(refusals);
            }
        }
    }

    public IReadOnlyList<long> Held(string vehicle, string channel)
    {
        lock (gate)
        {
            return held.TryGetValue((vehicle, channel), out var set) ? [.. set] : [];
        }
    }

    public UploadAck Receive(TelemetryFrame[] frames)
    {
        lock (gate)
        {
            uploads++;
            var rejected = new List<FrameRejection>();
            var touched = new HashSet<(string, string)>();
            foreach (var frame in frames)
            {
                var key = (frame.VehicleId, frame.Channel);
                touched.Add(key);
                if (Refuse?.Invoke(frame) is { } reason)
                {
                    var id = (frame.VehicleId, frame.Channel, frame.Sequence);
                    refusals[id] = refusals.GetValueOrDefault(id) + 1;
                    rejected.Add(new FrameRejection(frame.Channel, frame.Sequence, reason));
                    continue;
                }

                if (!held.TryGetValue(key, out var set))
                {
                    held[key] = set = [];
                }

                if (set.Add(frame.Sequence))
                {
                    arrivals.Add(new ReceivedFrame(frame.VehicleId, frame.CaseId, frame.Channel, frame.Kind, frame.Sequence, frame.CapturedAtMicros, arrivals.Count));
                }
                else
                {
                    duplicates++;
                }
            }

            var acks = new List<ChannelAck>();
            foreach (var key in touched)
            {
                acks.Add(Coverage(key.Item2, held.GetValueOrDefault(key) ?? []));
            }

            return new UploadAck(acks, rejected);
        }
    }

    private static ChannelAck Coverage(string channel, SortedSet<long> set)
    {
        var contiguous = 0L;
        var ranges = new List<SequenceRange>();
        long? from = null;
        var last = 0L;
        foreach (var sequence in set)
        {
            if (from is null && sequence == contiguous + 1)
            {
                contiguous = sequence;
                continue;
            }

            if (from is not null && sequence == last + 1)
            {
                last = sequence;
                continue;
            }

            if (from is not null)
            {
                ranges.Add(new SequenceRange(from.Value, last));
            }

            from = last = sequence;
        }

        if (from is not null)
        {
            ranges.Add(new SequenceRange(from.Value, last));
        }

        return new ChannelAck(channel, contiguous, ranges);
    }
}
