using EmergencyLink.Clinical.Ecg;
using EmergencyLink.Clinical.St;
using EmergencyLink.Domain.Alerts;
using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Clinical.Live;

/// <summary>
/// Live ECG analysis for one case: blocks in capture order (any rate 128–1000 Hz, any lead count) run through fused
/// multi-lead QRS detection, rhythm analysis and streaming ST measurement with the STEMI criteria, and each push returns
/// the alerts that became due: STEMI once met in <see cref="EcgMonitorOptions.StemiConsecutiveWindows"/> consecutive
/// 10-s windows, AF once an episode has held <see cref="EcgMonitorOptions.AfHoldFor"/>. Each kind is raised once.
/// The result depends only on the samples, never on how they were cut into frames, so a whole recording pushed in
/// 40-ms frames gives what the live stream gives. ST needs at least 250 Hz; below it only rhythm is analysed.
/// Not thread-safe: one producer per case.
/// </summary>
public sealed class EcgMonitor
{
    public const string Source = "ecg-analysis";
    public const int MinimumRateHz = 128;
    public const int MaximumRateHz = 1000;

    private readonly EcgMonitorOptions options;
    private readonly List<long> beats = [];
    private readonly List<NewAlert> raised = [];
    private float[][] frame = [];
    private EcgChain? chain;
    private long anchorSample;
    private DateTimeOffset anchorTime;
    private int stemiStreak;
    private long stemiStreakStart;
    private bool stemiRaised;
    private bool afRaised;

    public EcgMonitor(EcgMonitorOptions? options = null)
    {
        this.options = options ?? EcgMonitorOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(this.options.StemiConsecutiveWindows, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(this.options.AfHoldFor, TimeSpan.Zero, nameof(options));
        if (this.options.AgeYears is < 0 or > 130)
        {
            throw new ArgumentOutOfRangeException(nameof(options), this.options.AgeYears, "Age must be 0-130 years.");
        }
    }

    public EcgMonitorOptions Options => options;

    /// <summary>60 / median of the last 8 RR intervals, or null before two beats of the current run.</summary>
    public double? HeartRateBpm => chain?.Rhythm.HeartRateBpm;

    /// <summary>Rhythm findings under way (AF, brady-/tachycardia, pause) as of the latest beat; empty means none of them.</summary>
    public IReadOnlyList<RhythmKind> OngoingRhythms { get; private set; } = [];

    /// <summary>The STEMI criteria applied to the latest 10-s window, or null before the first window closed.</summary>
    public StemiAssessment? LatestStemi { get; private set; }

    /// <summary>Whether ST is being measured (false below 250 Hz or before the first block).</summary>
    public bool MeasuresSt => chain?.St is not null;

    public long SamplesAnalysed { get; private set; }

    public int WindowsMeasured { get; private set; }

    /// <summary>How often a hole longer than <see cref="EcgMonitorOptions.MaxBridgedGap"/> or a format change restarted the analysis.</summary>
    public int Restarts { get; private set; }

    /// <summary>Blocks ignored: a rate outside 128–1000 Hz, or samples (less than the bridged gap) older than those already analysed.</summary>
    public int Ignored { get; private set; }

    /// <summary>Takes a block off the vehicle link; <paramref name="capturedAt"/> is the capture time of its first sample.</summary>
    public IReadOnlyList<NewAlert> Push(EcgBlock block, DateTimeOffset capturedAt)
    {
        ArgumentNullException.ThrowIfNull(block);
        var leads = block.Samples.Length;
        var n = block.SamplesPerLead;
        if (leads == 0 || n == 0)
        {
            return [];
        }

        EnsureFrame(leads, n);
        var scale = (float)(block.MicrovoltsPerUnit / 1000);
        for (var l = 0; l < leads; l++)
        {
            var source = block.Samples[l];
            var target = frame[l];
            for (var i = 0; i < n; i++)
            {
                target[i] = source[i] * scale;
            }
        }

        return Push(frame, block.SampleRateHz, block.FirstSample, capturedAt);
    }

    /// <summary>
    /// Takes the next samples (millivolts, one equally long array per lead) whose first sample has number
    /// <paramref name="firstSample"/> in the stream, e.g. a WFDB record cut into 40-ms frames.
    /// </summary>
    public IReadOnlyList<NewAlert> Push(IReadOnlyList<float[]> millivolts, int sampleRateHz, long firstSample, DateTimeOffset capturedAt)
    {
        ArgumentNullException.ThrowIfNull(millivolts);
        if (millivolts.Count == 0 || millivolts[0].Length == 0)
        {
            return [];
        }

        if (sampleRateHz is < MinimumRateHz or > MaximumRateHz)
        {
            Ignored++;
            return [];
        }

        raised.Clear();
        var n = millivolts[0].Length;
        anchorSample = firstSample;
        anchorTime = capturedAt;
        var bridgeable = options.MaxBridgedGap.TotalSeconds * sampleRateHz;

        // A block far behind what was analysed is not a late frame but a source that started counting again (a
        // gateway restarted): a new stream.
        if (chain is null || chain.RateHz != sampleRateHz || chain.Leads != millivolts.Count
            || firstSample + n < chain.NextSample - bridgeable)
        {
            Restart(millivolts.Count, sampleRateHz, firstSample);
        }
        else if (firstSample > chain.NextSample)
        {
            var gap = firstSample - chain.NextSample;
            if (gap > bridgeable)
            {
                Restart(millivolts.Count, sampleRateHz, firstSample);
            }
            else
            {
                Bridge(gap);
            }
        }

        var skip = chain!.NextSample - firstSample;
        if (skip >= n)
        {
            Ignored++;
            return [];
        }

        Analyse(skip == 0 ? millivolts : Tail(millivolts, (int)skip));
        return raised.Count == 0 ? [] : raised.ToArray();
    }

    /// <summary>
    /// The recording has ended: beats still within the detector's look-ahead are reported and the last whole window
    /// is measured, so a finished record yields every finding. A later push starts a new run.
    /// </summary>
    public IReadOnlyList<NewAlert> Complete()
    {
        raised.Clear();
        if (chain is null)
        {
            return [];
        }

        beats.Clear();
        chain.Detector.Flush(beats);
        AddBeats();
        if (chain.St is { } st)
        {
            foreach (var measurement in st.Push(EmptyFrame(chain.Leads), beats))
            {
                OnWindow(measurement);
            }

            foreach (var measurement in st.Complete())
            {
                OnWindow(measurement);
            }
        }

        chain.Rhythm.AdvanceTo(chain.NextSample - chain.Origin);
        CheckAf();
        chain = null;
        return raised.Count == 0 ? [] : raised.ToArray();
    }

    private void Restart(int leads, int rateHz, long origin)
    {
        if (chain is not null)
        {
            Restarts++;
        }

        chain = new EcgChain(leads, rateHz, origin, LeadNames(leads));
        stemiStreak = 0;
        OngoingRhythms = [];
    }

    private IReadOnlyList<string> LeadNames(int leads)
    {
        if (options.LeadNames is { } names && names.Count == leads)
        {
            return names;
        }

        if (leads == EcgBlock.StandardLeads.Count)
        {
            return EcgBlock.StandardLeads;
        }

        var generic = new string[leads];
        for (var l = 0; l < leads; l++)
        {
            generic[l] = "lead " + (l + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return generic;
    }

    /// <summary>Fills a short hole with each lead's last value, in pieces, so sample numbers stay those of the stream.</summary>
    private void Bridge(long gap)
    {
        var c = chain!;
        const int piece = 64;
        while (gap > 0)
        {
            var n = (int)Math.Min(piece, gap);
            var hold = new float[c.Leads][];
            for (var l = 0; l < c.Leads; l++)
            {
                hold[l] = new float[n];
                Array.Fill(hold[l], c.Last[l]);
            }

            Analyse(hold);
            gap -= n;
        }
    }

    private void Analyse(IReadOnlyList<float[]> samples)
    {
        var c = chain!;
        var n = samples[0].Length;
        beats.Clear();
        c.Detector.Push(samples, beats);
        AddBeats();
        c.Rhythm.AdvanceTo(c.Detector.SettledSample);
        if (c.St is { } st)
        {
            var windows = st.Push(samples, beats);
            for (var i = 0; i < windows.Count; i++)
            {
                OnWindow(windows[i]);
            }
        }

        for (var l = 0; l < c.Leads; l++)
        {
            c.Last[l] = samples[l][n - 1];
        }

        c.NextSample += n;
        SamplesAnalysed += n;
    }

    /// <summary>
    /// Feeds the new beats to the rhythm analysis, judging AF after each one: a beat is when a rhythm label can change,
    /// and judging per beat rather than per push keeps the alert the same whatever the frame size.
    /// </summary>
    private void AddBeats()
    {
        var rhythm = chain!.Rhythm;
        for (var i = 0; i < beats.Count; i++)
        {
            if (rhythm.Beats.Count == 0 || beats[i] > rhythm.Beats[^1])
            {
                rhythm.AddBeat(beats[i]);
                CheckAf();
            }
        }
    }

    private void OnWindow(StMeasurement measurement)
    {
        WindowsMeasured++;
        var c = chain!;
        var assessment = StemiCriteria.Assess(measurement, options.Sex, options.AgeYears);
        LatestStemi = assessment;
        if (!assessment.Met)
        {
            stemiStreak = 0;
            return;
        }

        if (stemiStreak == 0)
        {
            stemiStreakStart = c.Origin + measurement.WindowStartSample;
        }

        stemiStreak++;
        if (stemiStreak >= options.StemiConsecutiveWindows && !stemiRaised)
        {
            stemiRaised = true;
            raised.Add(EcgAlerts.Stemi(assessment, measurement, stemiStreak, c.WindowSeconds, TimeOf(stemiStreakStart)));
        }
    }

    private void CheckAf()
    {
        var c = chain!;
        var rhythm = c.Rhythm;
        var ongoing = rhythm.Ongoing;
        var kinds = new RhythmKind[ongoing.Count];
        RhythmEpisode? af = null;
        for (var i = 0; i < ongoing.Count; i++)
        {
            kinds[i] = ongoing[i].Rhythm;
            if (ongoing[i].Rhythm == RhythmKind.AtrialFibrillation)
            {
                af = ongoing[i];
            }
        }

        OngoingRhythms = kinds;
        for (; c.EpisodesSeen < rhythm.Completed.Count; c.EpisodesSeen++)
        {
            var done = rhythm.Completed[c.EpisodesSeen];
            if (done.Rhythm == RhythmKind.AtrialFibrillation && Held(done))
            {
                af ??= done;
            }
        }

        if (afRaised || af is null || !Held(af))
        {
            return;
        }

        afRaised = true;
        var fromStart = rhythm.Beats.Count > 0 && af.StartSample == rhythm.Beats[0];
        raised.Add(EcgAlerts.AtrialFibrillation(af, rhythm.Beats, c.RateHz, options.AfHoldFor, fromStart,
            TimeOf(c.Origin + af.StartSample), TimeOf(c.Origin)));
    }

    private bool Held(RhythmEpisode episode) => episode.DurationSeconds(chain!.RateHz) >= options.AfHoldFor.TotalSeconds;

    /// <summary>A stream sample's capture time, counted from the latest block's capture time in whole ticks.</summary>
    private DateTimeOffset TimeOf(long streamSample) =>
        anchorTime.AddTicks((long)Math.Round((streamSample - anchorSample) * (double)TimeSpan.TicksPerSecond / chain!.RateHz));

    private void EnsureFrame(int leads, int n)
    {
        if (frame.Length == leads && frame[0].Length == n)
        {
            return;
        }

        frame = new float[leads][];
        for (var l = 0; l < leads; l++)
        {
            frame[l] = new float[n];
        }
    }

    private static float[][] Tail(IReadOnlyList<float[]> samples, int skip)
    {
        var tail = new float[samples.Count][];
        for (var l = 0; l < tail.Length; l++)
        {
            tail[l] = samples[l][skip..];
        }

        return tail;
    }

    private static float[][] EmptyFrame(int leads)
    {
        var empty = new float[leads][];
        for (var l = 0; l < leads; l++)
        {
            empty[l] = [];
        }

        return empty;
    }
}
