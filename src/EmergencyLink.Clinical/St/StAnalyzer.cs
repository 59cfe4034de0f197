namespace EmergencyLink.Clinical.St;

/// <summary>
/// ST measurement on a multi-lead ECG given its R peaks (from the QRS detector). Per window: a median beat per lead
/// from the dominant beats (premature beats and beats of another QRS shape excluded, the rest aligned on their QRS),
/// baseline wander removed by a spline through each beat's PR level, QRS onset and J point found jointly over all
/// leads, and ST per lead at J + 60 ms relative to the PR baseline just before QRS onset.
/// Immutable and safe to share between threads; each <see cref="CreateStream"/> has its own state.
/// </summary>
public sealed class StAnalyzer
{
    public const double MinimumSamplingRateHz = 250;
    public const double MaximumSamplingRateHz = 1000;

    private readonly StWindowMeasurer measurer;

    /// <param name="leadNames">One name per lead, in the order the signals will be given. Standard names match in any
    /// case ("avr" = "aVR") and are reported conventionally spelled; other names are kept as given.</param>
    /// <param name="samplingRateHz">250-1000 Hz: below 250 Hz the 20-ms PR and ST windows hold too few samples and
    /// fiducial offsets move in 4-ms steps or coarser.</param>
    public StAnalyzer(IReadOnlyList<string> leadNames, double samplingRateHz, StAnalyzerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(leadNames);
        if (leadNames.Count == 0)
        {
            throw new ArgumentException("At least one lead is needed.", nameof(leadNames));
        }

        if (!(samplingRateHz >= MinimumSamplingRateHz && samplingRateHz <= MaximumSamplingRateHz))
        {
            throw new ArgumentOutOfRangeException(nameof(samplingRateHz), samplingRateHz,
                $"ST measurement supports {MinimumSamplingRateHz}-{MaximumSamplingRateHz} Hz.");
        }

        Options = options ?? StAnalyzerOptions.Default;
        Validate(Options);

        var names = new List<string>(leadNames.Count);
        foreach (var name in leadNames)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("Lead names must not be empty.", nameof(leadNames));
            }

            var canonical = StandardLeads.Canonical(name);
            if (names.Contains(canonical, StringComparer.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"Lead {canonical} is given twice.", nameof(leadNames));
            }

            names.Add(canonical);
        }

        LeadNames = names;
        SamplingRateHz = samplingRateHz;
        measurer = new StWindowMeasurer(samplingRateHz, names, Options);
        if (measurer.WindowSamples < 2 * measurer.ReachAfterR)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The window is too short to hold whole beats.");
        }
    }

    public IReadOnlyList<string> LeadNames { get; }

    public double SamplingRateHz { get; }

    public StAnalyzerOptions Options { get; }

    public int WindowSamples => measurer.WindowSamples;

    public int HopSamples => measurer.HopSamples;

    internal StWindowMeasurer Measurer => measurer;

    /// <summary>
    /// Every whole window of the recording: starts at sample 0, then every <see cref="HopSamples"/>; a tail shorter
    /// than a window is not measured. <paramref name="rPeaks"/> need not be sorted.
    /// </summary>
    public IReadOnlyList<StMeasurement> Measure(IReadOnlyList<float[]> leads, IReadOnlyList<int> rPeaks)
    {
        var length = CheckLeads(leads);
        var beats = SortedBeats(rPeaks);
        var results = new List<StMeasurement>();
        for (long start = 0; start + WindowSamples <= length; start += HopSamples)
        {
            results.Add(measurer.Measure(leads, 0, start, beats));
        }

        return results;
    }

    /// <summary>The window [<paramref name="windowStart"/>, <paramref name="windowStart"/> + <see cref="WindowSamples"/>).</summary>
    public StMeasurement MeasureWindow(IReadOnlyList<float[]> leads, IReadOnlyList<int> rPeaks, int windowStart)
    {
        var length = CheckLeads(leads);
        if (windowStart < 0 || (long)windowStart + WindowSamples > length)
        {
            throw new ArgumentOutOfRangeException(nameof(windowStart), windowStart,
                $"The window of {WindowSamples} samples must lie within the {length} samples given.");
        }

        return measurer.Measure(leads, 0, windowStart, SortedBeats(rPeaks));
    }

    /// <summary>A live measurement for one patient: push frames and beats, get a measurement per completed window.</summary>
    public StStream CreateStream() => new(this);

    private int CheckLeads(IReadOnlyList<float[]> leads)
    {
        ArgumentNullException.ThrowIfNull(leads);
        if (leads.Count != LeadNames.Count)
        {
            throw new ArgumentException($"{leads.Count} signals given for {LeadNames.Count} lead names.", nameof(leads));
        }

        var length = leads[0].Length;
        if (leads.Any(l => l.Length != length))
        {
            throw new ArgumentException("All leads must have the same number of samples.", nameof(leads));
        }

        return length;
    }

    private static long[] SortedBeats(IReadOnlyList<int> rPeaks)
    {
        ArgumentNullException.ThrowIfNull(rPeaks);
        var beats = new long[rPeaks.Count];
        for (var i = 0; i < beats.Length; i++)
        {
            beats[i] = rPeaks[i];
        }

        Array.Sort(beats);
        return beats;
    }

    private static void Validate(StAnalyzerOptions options)
    {
        if (!(options.WindowSeconds >= 2 && options.WindowSeconds <= 60))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "WindowSeconds must be 2-60 s.");
        }

        if (!(options.HopSeconds > 0 && options.HopSeconds <= options.WindowSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "HopSeconds must be positive and at most the window.");
        }

        if (!(options.StOffsetMilliseconds >= 0 && options.StOffsetMilliseconds <= 120))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "StOffsetMilliseconds must be 0-120 ms.");
        }

        if (options.MinimumBeats < 3)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MinimumBeats must be at least 3.");
        }

        if (!(options.BeatReportDelaySeconds >= 0 && options.BeatReportDelaySeconds <= 10))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "BeatReportDelaySeconds must be 0-10 s.");
        }
    }
}
