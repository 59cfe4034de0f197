namespace EmergencyLink.Clinical.St;

/// <summary>
/// Live ST measurement for one patient. Push frames (e.g. 40 ms of every lead) and R peaks as the detector reports
/// them, as sample numbers counted from the stream's first sample. Windows are those of
/// <see cref="StAnalyzer.Measure"/>: the first covers samples [0, window), each next one starts
/// <see cref="StAnalyzer.HopSamples"/> later (by default the window length, so windows tile the stream). A window is
/// measured as soon as its last sample has arrived and, allowing
/// <see cref="StAnalyzerOptions.BeatReportDelaySeconds"/> for the detector, every beat it can use must have been
/// reported; with the defaults that is about 0.1 s after the window ends. A beat reported later than that is not used
/// for a window already measured (<see cref="LateBeats"/> counts them). Not thread-safe: one producer per stream.
/// </summary>
public sealed class StStream
{
    private readonly StWindowMeasurer measurer;
    private readonly float[][] buffer;
    private readonly List<long> beats = [];
    private readonly int beatDelay;
    private long origin;
    private int count;
    private long nextWindowStart;
    private long usableBeatsClosedBefore = long.MinValue;

    internal StStream(StAnalyzer analyzer)
    {
        measurer = analyzer.Measurer;
        beatDelay = (int)Math.Round(analyzer.Options.BeatReportDelaySeconds * analyzer.SamplingRateHz);
        var capacity = measurer.WindowSamples + Math.Max(beatDelay, 0) + (int)analyzer.SamplingRateHz;
        buffer = new float[analyzer.LeadNames.Count][];
        for (var lead = 0; lead < buffer.Length; lead++)
        {
            buffer[lead] = new float[capacity];
        }
    }

    /// <summary>Samples pushed so far per lead; the next frame's first sample has this number.</summary>
    public long SamplesReceived => origin + count;

    /// <summary>Beats that arrived after a window they belonged to had been measured.</summary>
    public int LateBeats { get; private set; }

    /// <param name="frame">Per lead (in <see cref="StAnalyzer.LeadNames"/> order) the next samples, all of the same
    /// length; may be empty when only beats are reported.</param>
    /// <param name="rPeaks">R peaks newly reported, in any order; repeats are ignored.</param>
    /// <returns>The windows completed by this push, oldest first; usually none.</returns>
    public IReadOnlyList<StMeasurement> Push(IReadOnlyList<float[]> frame, IReadOnlyList<long>? rPeaks = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Count != buffer.Length)
        {
            throw new ArgumentException($"{frame.Count} signals given for {buffer.Length} leads.", nameof(frame));
        }

        // Indexed loops, not LINQ or foreach: this runs for every 40-ms frame of every case, and a lambda or a boxed
        // enumerator per frame was most of the stream's garbage.
        var length = frame[0].Length;
        for (var lead = 1; lead < frame.Count; lead++)
        {
            if (frame[lead].Length != length)
            {
                throw new ArgumentException("All leads of a frame must have the same number of samples.", nameof(frame));
            }
        }

        if (rPeaks is not null)
        {
            for (var i = 0; i < rPeaks.Count; i++)
            {
                AddBeat(rPeaks[i]);
            }
        }

        Append(frame, length);
        return Close(allBeatsIn: false);
    }

    /// <summary>
    /// The stream has ended: measures every window whose samples have all arrived but which was still waiting for the
    /// detector's delay, so a finished stream yields the same windows as <see cref="StAnalyzer.Measure"/> on the whole
    /// recording. Pushing after this continues the stream.
    /// </summary>
    public IReadOnlyList<StMeasurement> Complete() => Close(allBeatsIn: true);

    private IReadOnlyList<StMeasurement> Close(bool allBeatsIn)
    {
        List<StMeasurement>? completed = null;
        while (true)
        {
            var end = nextWindowStart + measurer.WindowSamples;
            var closesAt = allBeatsIn ? end : Math.Max(end, end - measurer.ReachAfterR + beatDelay);
            if (SamplesReceived < closesAt)
            {
                break;
            }

            (completed ??= []).Add(measurer.Measure(buffer, origin, nextWindowStart, beats));
            usableBeatsClosedBefore = end - measurer.ReachAfterR;
            nextWindowStart += measurer.HopSamples;
            Discard();
        }

        return completed ?? (IReadOnlyList<StMeasurement>)[];
    }

    private void AddBeat(long peak)
    {
        if (peak < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(peak), peak, "R peaks are sample numbers from 0.");
        }

        if (peak <= usableBeatsClosedBefore)
        {
            LateBeats++;
        }

        if (peak < nextWindowStart - measurer.MaxRr)
        {
            return;
        }

        var at = beats.BinarySearch(peak);
        if (at < 0)
        {
            beats.Insert(~at, peak);
        }
    }

    private void Append(IReadOnlyList<float[]> frame, int length)
    {
        if (count + length > buffer[0].Length)
        {
            var capacity = Math.Max(buffer[0].Length * 2, count + length);
            for (var lead = 0; lead < buffer.Length; lead++)
            {
                Array.Resize(ref buffer[lead], capacity);
            }
        }

        for (var lead = 0; lead < buffer.Length; lead++)
        {
            Array.Copy(frame[lead], 0, buffer[lead], count, length);
        }

        count += length;
    }

    private void Discard()
    {
        var drop = (int)Math.Min(count, nextWindowStart - origin);
        if (drop > 0)
        {
            for (var lead = 0; lead < buffer.Length; lead++)
            {
                Array.Copy(buffer[lead], drop, buffer[lead], 0, count - drop);
            }

            origin += drop;
            count -= drop;
        }

        var stale = 0;
        while (stale < beats.Count && beats[stale] < nextWindowStart - measurer.MaxRr)
        {
            stale++;
        }

        beats.RemoveRange(0, stale);
    }
}
