using System.Runtime.InteropServices;

namespace EmergencyLink.Clinical.Ecg;

/// <summary>
/// Rhythm from beat times, streaming or in batch: atrial fibrillation (irregularly irregular RR over a sliding window:
/// irregular, and not explained by premature beats on a regular rhythm, see <see cref="EctopicIntervals"/>), sustained
/// brady- and tachycardia, and pauses. Feed beats in ascending order with <see cref="AddBeat"/>, tell it how far the
/// beat stream is complete with <see cref="AdvanceTo"/> (e.g. a detector's SettledSample, so a pause shows while it
/// lasts), and read <see cref="Completed"/> and <see cref="Ongoing"/>.
/// </summary>
public sealed class RhythmAnalyzer
{
    // Intervals either side of an AF window given to the ectopy explanation, so that a premature beat or couplet at the
    // window's edge is seen with its pause (a couplet and its pause are 3 intervals).
    private const int EctopyContextIntervals = 3;

    // Hysteresis: once in AF, a window leaves it through the ectopy explanation only with at least two compensated
    // premature beats (a pattern, not one AF interval pair that happens to fit), so AF is not cut into pieces where a
    // few of its intervals look like sinus rhythm with an atrial premature beat.
    private const int MinimumGroupsToLeaveAf = 2;

    private readonly RhythmOptions _options;
    private readonly List<long> _beats = [];
    private readonly List<bool> _afLabel = [];
    private readonly List<RhythmEpisode> _completed = [];
    private readonly List<double> _scratch = [];
    private readonly List<double> _differences = [];
    private readonly List<double> _nn = [];
    private readonly double[] _rr;
    private readonly IntervalRole[] _roles;
    private readonly int _half;

    private int _afRunStart = -1;
    private int _afRunEnd = -1;
    private RateRun _brady;
    private RateRun _tachy;
    private long _pauseStart = -1;
    private long _knownUntil;
    private bool _finished;

    public RhythmAnalyzer(double samplingRate, RhythmOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samplingRate);
        SamplingRate = samplingRate;
        _options = options ?? new RhythmOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.AfWindowIntervals, 4, nameof(options));
        _half = _options.AfWindowIntervals / 2;
        _rr = new double[_options.AfWindowIntervals + (2 * EctopyContextIntervals)];
        _roles = new IntervalRole[_rr.Length];
        _brady = new RateRun(-1, -1);
        _tachy = new RateRun(-1, -1);
    }

    public double SamplingRate { get; }

    public RhythmOptions Options => _options;

    public IReadOnlyList<long> Beats => _beats;

    /// <summary>Episodes that have ended, in the order they ended.</summary>
    public IReadOnlyList<RhythmEpisode> Completed => _completed;

    /// <summary>Episodes under way (already long enough to count), ending at the latest evidence for them.</summary>
    public IReadOnlyList<RhythmEpisode> Ongoing
    {
        get
        {
            var result = new List<RhythmEpisode>();
            if (_afRunStart >= 0 && _afRunEnd - _afRunStart + 1 >= _options.AfMinimumBeats)
            {
                result.Add(new RhythmEpisode(RhythmKind.AtrialFibrillation, _beats[_afRunStart], _beats[_afRunEnd]));
            }

            AddOngoing(result, RhythmKind.Bradycardia, _brady);
            AddOngoing(result, RhythmKind.Tachycardia, _tachy);
            if (_pauseStart >= 0)
            {
                result.Add(new RhythmEpisode(RhythmKind.Pause, _pauseStart, _knownUntil));
            }

            return result;
        }
    }

    /// <summary>The current heart rate (60 / median of the last RR intervals), or null before two beats.</summary>
    public double? HeartRateBpm => HeartRate.CurrentBpm(_beats, SamplingRate, _options.HeartRateBeats);

    public void AddBeat(long sample)
    {
        if (_finished)
        {
            throw new InvalidOperationException("The analyzer was finished.");
        }

        if (_beats.Count > 0 && sample <= _beats[^1])
        {
            throw new ArgumentOutOfRangeException(nameof(sample), sample, "Beats must come in ascending order.");
        }

        if (_pauseStart >= 0)
        {
            _completed.Add(new RhythmEpisode(RhythmKind.Pause, _pauseStart, sample));
            _pauseStart = -1;
        }
        else if (_beats.Count > 0 && sample - _beats[^1] >= _options.PauseSeconds * SamplingRate)
        {
            _completed.Add(new RhythmEpisode(RhythmKind.Pause, _beats[^1], sample));
        }

        _beats.Add(sample);
        _knownUntil = Math.Max(_knownUntil, sample);
        UpdateRate(_beats.Count - 1);
        LabelDecidableBeats(final: false);
    }

    public void AddBeats(IEnumerable<long> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        foreach (var sample in samples)
        {
            AddBeat(sample);
        }
    }

    /// <summary>No beat is missing before <paramref name="sample"/>: an overdue beat now counts as a pause under way.</summary>
    public void AdvanceTo(long sample)
    {
        _knownUntil = Math.Max(_knownUntil, sample);
        if (_pauseStart < 0 && _beats.Count > 0 && sample - _beats[^1] >= _options.PauseSeconds * SamplingRate)
        {
            _pauseStart = _beats[^1];
        }
    }

    /// <summary>Ends the analysis at <paramref name="endSample"/>: open episodes are closed. Returns every episode by start.</summary>
    public IReadOnlyList<RhythmEpisode> Finish(long endSample)
    {
        if (!_finished)
        {
            AdvanceTo(endSample);
            LabelDecidableBeats(final: true);
            CloseAf();
            CloseRate(RhythmKind.Bradycardia, ref _brady);
            CloseRate(RhythmKind.Tachycardia, ref _tachy);
            if (_pauseStart >= 0)
            {
                _completed.Add(new RhythmEpisode(RhythmKind.Pause, _pauseStart, _knownUntil));
                _pauseStart = -1;
            }

            _finished = true;
        }

        return [.. _completed.OrderBy(e => e.StartSample).ThenBy(e => e.Rhythm)];
    }

    /// <summary>Batch analysis of a whole recording's beats.</summary>
    public static IReadOnlyList<RhythmEpisode> Analyze(
        IReadOnlyList<long> beats,
        double samplingRate,
        long endSample,
        RhythmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(beats);
        var analyzer = new RhythmAnalyzer(samplingRate, options);
        analyzer.AddBeats(beats);
        return analyzer.Finish(endSample);
    }

    /// <summary>
    /// Persistent when AF episodes cover at least <see cref="RhythmOptions.PersistentAfFraction"/> of
    /// [<paramref name="startSample"/>, <paramref name="endSample"/>], paroxysmal when there is any AF, else non-AF.
    /// </summary>
    public static AfRecordClass ClassifyAf(
        IEnumerable<RhythmEpisode> episodes,
        long startSample,
        long endSample,
        RhythmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        var fraction = (options ?? new RhythmOptions()).PersistentAfFraction;
        long covered = 0;
        var any = false;
        foreach (var episode in episodes)
        {
            if (episode.Rhythm != RhythmKind.AtrialFibrillation)
            {
                continue;
            }

            any = true;
            covered += Math.Max(0, Math.Min(episode.EndSample, endSample) - Math.Max(episode.StartSample, startSample));
        }

        if (!any)
        {
            return AfRecordClass.NonAf;
        }

        return covered >= fraction * (endSample - startSample) ? AfRecordClass.Persistent : AfRecordClass.Paroxysmal;
    }

    private void AddOngoing(List<RhythmEpisode> result, RhythmKind kind, RateRun run)
    {
        if (run.Start >= 0 && IsSustained(run))
        {
            result.Add(new RhythmEpisode(kind, _beats[run.Start], _beats[run.End]));
        }
    }

    private bool IsSustained(RateRun run) =>
        _beats[run.End] - _beats[run.Start] >= _options.SustainedSeconds * SamplingRate;

    private void UpdateRate(int beat)
    {
        if (beat < 1)
        {
            return;
        }

        _scratch.Clear();
        for (var i = Math.Max(1, beat - _options.HeartRateBeats + 1); i <= beat; i++)
        {
            _scratch.Add((_beats[i] - _beats[i - 1]) / SamplingRate);
        }

        var bpm = 60 / HeartRate.Median(_scratch);
        Step(RhythmKind.Bradycardia, ref _brady, bpm < _options.BradycardiaBpm, beat);
        Step(RhythmKind.Tachycardia, ref _tachy, bpm > _options.TachycardiaBpm, beat);
    }

    private void Step(RhythmKind kind, ref RateRun run, bool active, int beat)
    {
        if (active)
        {
            run = run.Start < 0 ? new RateRun(beat - 1, beat) : run with { End = beat };
            return;
        }

        CloseRate(kind, ref run);
    }

    private void CloseRate(RhythmKind kind, ref RateRun run)
    {
        if (run.Start >= 0 && IsSustained(run))
        {
            _completed.Add(new RhythmEpisode(kind, _beats[run.Start], _beats[run.End]));
        }

        run = new RateRun(-1, -1);
    }

    private void LabelDecidableBeats(bool final)
    {
        // Beat i is judged on RR intervals i-7 .. i+8 (interval k ends at beat k), shifted inwards at the record's ends,
        // so it is decided once beat i+8 is known (i+11 with the ectopy explanation) and AF onsets are placed where the
        // window's middle crosses them.
        var intervals = _beats.Count - 1;
        var window = _options.AfWindowIntervals;
        while (_afLabel.Count < _beats.Count)
        {
            var i = _afLabel.Count;
            var last = Math.Max(i + _half, window);
            // With ectopy explained, a premature beat at the window's end needs its pause: wait for 3 more intervals.
            if (!final && last + (_options.ExplainEctopicBeats ? EctopyContextIntervals : 0) > intervals)
            {
                return;
            }

            bool label;
            if (intervals < window)
            {
                label = false;
            }
            else
            {
                var to = Math.Min(last, intervals);
                label = IsIrregular(to - window + 1, to, inAf: _afLabel.Count > 0 && _afLabel[^1], recentlyInAf: RecentlyInAf());
            }

            _afLabel.Add(label);
            ApplyAfLabel(i, label);
        }
    }

    /// <summary>
    /// Whether any beat within the last window's length was AF: a gap that short is still the same AF as far as the
    /// smoothness test is concerned (gaps of up to <see cref="RhythmOptions.AfMergeGapBeats"/> merge into one episode).
    /// </summary>
    private bool RecentlyInAf()
    {
        for (var k = _afLabel.Count - 1; k >= 0 && k >= _afLabel.Count - _options.AfWindowIntervals; k--)
        {
            if (_afLabel[k])
            {
                return true;
            }
        }

        return false;
    }

    private bool IsIrregular(int firstInterval, int lastInterval, bool inAf, bool recentlyInAf)
    {
        // A few intervals either side of the window too, so a premature beat at its edges still pairs with its pause.
        var from = Math.Max(1, firstInterval - EctopyContextIntervals);
        var to = Math.Min(_beats.Count - 1, lastInterval + EctopyContextIntervals);
        var count = to - from + 1;
        var offset = firstInterval - from;
        var length = lastInterval - firstInterval + 1;
        for (var k = 0; k < count; k++)
        {
            _rr[k] = _beats[from + k] - _beats[from + k - 1];
        }

        var window = _rr.AsSpan(offset, length);

        // Turning points (an interval longer or shorter than both neighbours) of a patternless series number
        // 2(N-2)/3 with variance (16N-29)/90; Dash et al. use the turning-point ratio to tell AF from patterned
        // irregularity. Bigeminy turns at every interval, so a window with more than 2 SD above that is not AF
        // (3 SD once in AF, so that a chance run of alternation does not end an AF episode).
        var turningPoints = 0;
        for (var k = 1; k + 1 < window.Length; k++)
        {
            var (before, here, after) = (window[k - 1], window[k], window[k + 1]);
            if ((here > before && here > after) || (here < before && here < after))
            {
                turningPoints++;
            }
        }

        var n = window.Length;
        var expectedTurns = 2.0 * (n - 2) / 3;
        var turnsSd = Math.Sqrt(((16.0 * n) - 29) / 90);
        var margin = (inAf ? 3 : 2) * turnsSd;

        // Too few turns is the other pattern: a smooth modulation (respiratory sinus arrhythmia, the Mayer wave) rises
        // and falls over several beats, where AF's intervals are independent. Dash et al. accept AF only with a
        // turning-point ratio inside the patternless series' band, on both sides. The lower side guards the way into
        // AF only: within an episode (or a window's length after one) a chance smooth stretch of random intervals must
        // not split it, and a return to sinus rhythm ends it through the irregularity test anyway.
        var tooManyTurns = turningPoints > expectedTurns + margin;
        var tooFewTurns = !recentlyInAf && turningPoints < expectedTurns - margin;
        if (_options.RejectPatternedIrregularity && (tooManyTurns || tooFewTurns))
        {
            return false;
        }

        if (!IsIrregular(window))
        {
            return false;
        }

        if (!_options.ExplainEctopicBeats)
        {
            return true;
        }

        // Regularly irregular: some sinus cycle explains the ectopy and leaves intervals of that cycle underneath. The
        // cycle is not known in advance (in bigeminy no interval equals it), so every interval and adjacent-pair mean of
        // the window is tried.
        var all = _rr.AsSpan(0, count);
        var roles = _roles.AsSpan(0, count);
        for (var c = 0; c < (2 * count) - 1; c++)
        {
            var cycle = c < count ? all[c] : 0.5 * (all[c - count] + all[c - count + 1]);
            EctopicIntervals.Mark(all, cycle, roles, offset, offset + length);
            if (IsExplainedBy(all, roles, cycle, offset, offset + length, inAf ? MinimumGroupsToLeaveAf : 0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether premature beats on a sinus <paramref name="cycle"/> explain the window [<paramref name="from"/>,
    /// <paramref name="to"/>) of <paramref name="rr"/>. The compensated premature beats must share one coupling interval
    /// (within ±10 % of the cycle), the mark of a single ectopic focus, which AF's short intervals do not share; no
    /// interval left unexplained may be off the cycle by more than the prematurity margin (an odd interval is what AF
    /// leaves behind; sinus rhythm with ectopy does not, the explanation having had context either side); and the sinus
    /// rhythm underneath must be regular by Dash's measure. That rhythm is rebuilt at full rate as in heart rate
    /// variability analysis: each compensated group stands for its whole number of cycles, each of length sum / cycles
    /// (the coupling interval of a sinus reset is left out), so respiratory sinus arrhythmia between ectopic beats is
    /// seen beat by beat, not sampled every few beats where it would look like irregularity.
    /// </summary>
    private bool IsExplainedBy(ReadOnlySpan<double> rr, ReadOnlySpan<IntervalRole> roles, double cycle, int from, int to, int minimumGroups)
    {
        _nn.Clear();
        var outliers = 0;
        var band = (1 - EctopicIntervals.PrematureFraction) * cycle;
        double shortestCoupling = double.MaxValue, longestCoupling = 0;
        var groups = 0;
        for (var k = 0; k < rr.Length;)
        {
            var end = k + 1;
            while (end < rr.Length && roles[end] == IntervalRole.Ectopic)
            {
                end++;
            }

            var inWindow = end > from && k < to;
            if (roles[k] == IntervalRole.Underlying || end == k + 1 && roles[k] == IntervalRole.Coupling)
            {
                // An underlying interval (then the Ectopic ones after it, if a group began before the context), or the
                // coupling interval of a sinus reset, which stands for no whole cycle.
                if (roles[k] == IntervalRole.Underlying && k >= from && k < to)
                {
                    _nn.Add(rr[k]);
                    if (Math.Abs(rr[k] - cycle) > band)
                    {
                        outliers++;
                    }
                }

                k = roles[k] == IntervalRole.Underlying ? k + 1 : end;
                continue;
            }

            if (roles[k] == IntervalRole.Coupling && k >= from && k < to)
            {
                groups++;
                shortestCoupling = Math.Min(shortestCoupling, rr[k]);
                longestCoupling = Math.Max(longestCoupling, rr[k]);
            }

            var sum = 0.0;
            for (var j = k; j < end; j++)
            {
                sum += rr[j];
            }

            var cycles = (int)Math.Round(sum / cycle);
            for (var c = 0; inWindow && c < cycles; c++)
            {
                _nn.Add(sum / cycles);
            }

            k = end;
        }

        if (outliers > 0 || groups < minimumGroups || longestCoupling - shortestCoupling > 2 * EctopicIntervals.CycleTolerance * cycle)
        {
            return false;
        }

        return _nn.Count < 3 || !IsIrregular(CollectionsMarshal.AsSpan(_nn));
    }

    /// <summary>Dash et al.'s normalised RMSSD, made robust (see <see cref="RhythmOptions.AfIrregularityThreshold"/>).</summary>
    private bool IsIrregular(ReadOnlySpan<double> rr)
    {
        _scratch.Clear();
        _differences.Clear();
        for (var k = 0; k < rr.Length; k++)
        {
            _scratch.Add(rr[k]);
            if (k > 0)
            {
                _differences.Add(Math.Abs(rr[k] - rr[k - 1]));
            }
        }

        var medianRr = HeartRate.Median(_scratch);
        var robustRmssd = 1.4826 * HeartRate.Median(_differences);
        return robustRmssd / medianRr > _options.AfIrregularityThreshold;
    }

    private void ApplyAfLabel(int beat, bool label)
    {
        if (label)
        {
            if (_afRunStart < 0)
            {
                _afRunStart = beat;
            }

            _afRunEnd = beat;
            return;
        }

        if (_afRunStart >= 0 && beat - _afRunEnd > _options.AfMergeGapBeats)
        {
            CloseAf();
        }
    }

    private void CloseAf()
    {
        if (_afRunStart >= 0 && _afRunEnd - _afRunStart + 1 >= _options.AfMinimumBeats)
        {
            _completed.Add(new RhythmEpisode(RhythmKind.AtrialFibrillation, _beats[_afRunStart], _beats[_afRunEnd]));
        }

        _afRunStart = -1;
        _afRunEnd = -1;
    }
}
