namespace EmergencyLink.Clinical.Ecg;

/// <summary>
/// The streaming core shared by <see cref="QrsDetector"/> and <see cref="MultiLeadQrsDetector"/>: Pan–Tompkins
/// (Pan &amp; Tompkins, IEEE Trans Biomed Eng 1985;32:230-236) adaptive thresholds, refractory period, T-wave
/// discrimination and search-back, run on the moving-window integral of one lead or on a fusion of several leads,
/// then the R peak located in the input signal itself.
/// </summary>
internal sealed class QrsEngine
{
    // Pan–Tompkins: thresholds are learnt over the first 2 s; no QRS within 200 ms of another (refractory period);
    // a peak within 360 ms of the last QRS whose slope is under half that QRS's slope is a T wave; when no QRS has been
    // found for 166 % of the average RR, search back among the peaks above the second threshold.
    public const double LearningSeconds = 2.0;
    public const double RefractorySeconds = 0.200;
    public const double TWaveWindowSeconds = 0.360;
    public const double TWaveSlopeRatio = 0.5;
    public const double SearchBackRrFactor = 1.66;

    // Bounded look-ahead (our choice, so a beat is always reported within a fixed delay): a local maximum of the
    // integral is final once 200 ms pass without a larger one (the refractory period); search-back happens no later
    // than 300 ms after the beat was due (average RR + 0.3 s) and only considers peaks at most 450 ms old.
    public const double ConfirmSeconds = 0.200;
    public const double SearchBackLateSeconds = 0.300;
    public const double PendingLifetimeSeconds = 0.450;

    /// <summary>The R peak is the largest deviation from the local median within ±100 ms of where the QRS's energy
    /// says it is; the median over ±200 ms stands for the isoelectric level.</summary>
    public const double LocateHalfWindowSeconds = 0.100;
    public const double BaselineHalfWindowSeconds = 0.200;

    /// <summary>
    /// Energy gate: the integral of a 0.1 mV reference QRS is subtracted before thresholding, so low-level noise and a
    /// flat line never make beats. AAMI EC13 requires heart-rate meters not to respond to QRS complexes of 0.15 mV or
    /// less; gating at 0.1 mV keeps a margin for wide complexes whose slope is lower than the reference's.
    /// </summary>
    public const double GateMillivolts = 0.1;

    /// <summary>The reference QRS: a Gaussian R wave of 12 ms standard deviation (about 70 ms onset to end).</summary>
    public const double ReferenceSigmaSeconds = 0.012;

    /// <summary>With several leads one lead counts at most 3 times its own QRS level, so one artefact cannot make a beat.</summary>
    public const float LeadClip = 3;

    private const int RrHistory = 8;

    private readonly QrsLeadChannel[] _channels;
    private readonly int _leads;
    private readonly int _decimation;
    private readonly int _learning;
    private readonly int _refractory;
    private readonly int _refractoryInput;
    private readonly int _tWave;
    private readonly int _confirm;
    private readonly int _searchBackLate;
    private readonly int _pendingLifetime;
    private readonly int _locate;
    private readonly int _baseline;
    private readonly int _lag;
    private readonly float _gate;
    private readonly float _defaultRr;
    private readonly float[] _leadLevel;
    private readonly float[] _leadSlope;
    private readonly float[] _learnMax;
    private readonly float[] _learnSlopeMax;
    private readonly float[] _fuseScratch;
    private readonly float[] _baselineScratch;
    private readonly float[] _leadBaseline;
    private readonly float[] _leadScale;
    private readonly long[] _rr = new long[RrHistory];
    private readonly List<(long Index, float Value, float Slope)> _pending = [];

    private long _coreNext;
    private bool _learnt;
    private float _previous1;
    private float _previous2;
    private long _candidate = -1;
    private float _candidateValue;
    private double _signalPeak;
    private double _noisePeak;
    private long _lastBeat = -1;
    private float _lastBeatSlope;
    private long _lastR = -1;
    private long _deadline;
    private int _rrCount;
    private int _rrNext;
    private long _rrSum;

    public QrsEngine(double samplingRate, int leads)
    {
        if (!(samplingRate >= 100 && samplingRate <= 2000))
        {
            throw new ArgumentOutOfRangeException(nameof(samplingRate), samplingRate, "QRS detection needs 100-2000 Hz.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(leads, 1);
        SamplingRate = samplingRate;
        _leads = leads;

        // Work at 200-400 Hz whatever the input rate: enough for a 15 Hz band, and a 1000 Hz 12-lead stream costs no
        // more than a 200 Hz one. The boxcar average before the band-pass is the anti-alias filter.
        _decimation = Math.Max(1, (int)Math.Floor(samplingRate / 200));
        InternalRate = samplingRate / _decimation;
        BlockInput = 128 * _decimation;

        var rawCapacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(((LearningSeconds + 2) * samplingRate) + BlockInput));
        var decimatedCapacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(((LearningSeconds + 2) * InternalRate) + 128));
        _channels = new QrsLeadChannel[leads];
        for (var i = 0; i < leads; i++)
        {
            _channels[i] = new QrsLeadChannel(samplingRate, _decimation, rawCapacity, decimatedCapacity);
        }

        _learning = Internal(LearningSeconds);
        _refractory = Internal(RefractorySeconds);
        _refractoryInput = (int)Math.Round(RefractorySeconds * samplingRate);
        _tWave = Internal(TWaveWindowSeconds);
        _confirm = Internal(ConfirmSeconds);
        _searchBackLate = Internal(SearchBackLateSeconds);
        _pendingLifetime = Internal(PendingLifetimeSeconds);
        _defaultRr = (float)InternalRate;
        _locate = (int)Math.Round(LocateHalfWindowSeconds * samplingRate);
        _baseline = (int)Math.Round(BaselineHalfWindowSeconds * samplingRate);

        (_gate, _lag) = Calibrate(samplingRate, _decimation);
        DelaySamples = (_pendingLifetime * _decimation) + _decimation + _lag + _locate + 1;

        _leadLevel = new float[leads];
        _leadSlope = new float[leads];
        _learnMax = new float[leads];
        _learnSlopeMax = new float[leads];
        _fuseScratch = new float[leads];
        _leadBaseline = new float[leads];
        _leadScale = new float[leads];
        _baselineScratch = new float[(2 * _baseline) + 1];
    }

    public double SamplingRate { get; }

    public double InternalRate { get; }

    /// <summary>Input samples per processing block; callers split pushes into blocks no longer than this.</summary>
    public int BlockInput { get; }

    public int DelaySamples { get; }

    public int LearningSamples => _learning * _decimation;

    public long SamplesPushed => _channels[0].InputCount;

    /// <summary>Every beat before this sample number has been reported.</summary>
    public long SettledSample => _learnt ? Math.Max(0, SamplesPushed - DelaySamples) : 0;

    public int Leads => _leads;

    public QrsLeadChannel Channel(int lead) => _channels[lead];

    /// <summary>Runs the decision core over every internal sample the channels have produced since the last call.</summary>
    public int Run(List<long> beats)
    {
        var before = beats.Count;
        var available = _channels[0].DecimatedCount;
        for (; _coreNext < available; _coreNext++)
        {
            var j = _coreNext;
            if (_learnt)
            {
                Decide(j, beats);
                continue;
            }

            Learn(j);
            if (j == _learning - 1)
            {
                FinishLearning();
                for (long replay = 0; replay <= j; replay++)
                {
                    Decide(replay, beats);
                }
            }
        }

        return beats.Count - before;
    }

    private int Internal(double seconds) => (int)Math.Round(seconds * InternalRate);

    private void Learn(long j)
    {
        for (var l = 0; l < _leads; l++)
        {
            var channel = _channels[l];
            var index = j & channel.DecimatedMask;
            _learnMax[l] = Math.Max(_learnMax[l], Math.Max(0, channel.Integrated[index] - _gate));
            _learnSlopeMax[l] = Math.Max(_learnSlopeMax[l], channel.Slope[index]);
        }
    }

    private void FinishLearning()
    {
        _learnt = true;
        for (var l = 0; l < _leads; l++)
        {
            _leadLevel[l] = _leads == 1 ? 1 : Math.Max(_learnMax[l], _gate);
            _leadSlope[l] = _leads == 1 ? 1 : Math.Max(_learnSlopeMax[l], 1e-3f);
        }

        // Pan–Tompkins learning phase: signal level a third of the largest integral, noise level half its mean.
        double max = 0;
        double sum = 0;
        for (long j = 0; j < _learning; j++)
        {
            var u = Fuse(j);
            max = Math.Max(max, u);
            sum += u;
        }

        _signalPeak = max / 3;
        _noisePeak = sum / _learning / 2;
    }

    private void Decide(long j, List<long> beats)
    {
        var u = Fuse(j);
        if (_previous1 > _previous2 && _previous1 >= u && (_candidate < 0 || _previous1 > _candidateValue))
        {
            _candidate = j - 1;
            _candidateValue = _previous1;
        }

        _previous2 = _previous1;
        _previous1 = u;
        if (_candidate >= 0 && j - _candidate >= _confirm)
        {
            Classify(_candidate, _candidateValue, beats);
            _candidate = -1;
        }

        if (_lastBeat >= 0 && j >= _deadline)
        {
            if (_pending.Count > 0)
            {
                var best = 0;
                for (var i = 1; i < _pending.Count; i++)
                {
                    if (_pending[i].Value > _pending[best].Value)
                    {
                        best = i;
                    }
                }

                var (index, value, slope) = _pending[best];
                Accept(index, value, slope, 0.25, beats);
            }
            else
            {
                // Nothing even at the second threshold although a beat is overdue: halve the signal level (not below
                // the noise level) so a lead whose QRS shrank is picked up again instead of silenced for good.
                _signalPeak = Math.Max(0.5 * _signalPeak, _noisePeak);
                _deadline += (long)AverageRr();
            }
        }

        // Runs on every internal sample: a plain loop, not RemoveAll with a lambda capturing j (a closure per sample).
        if (_pending.Count > 0)
        {
            RemovePendingBefore(j - _pendingLifetime);
        }
    }

    /// <summary>Drops pending candidates found before sample <paramref name="first"/>; the rest keep their order.</summary>
    private void RemovePendingBefore(long first)
    {
        var kept = 0;
        for (var i = 0; i < _pending.Count; i++)
        {
            if (_pending[i].Index >= first)
            {
                _pending[kept++] = _pending[i];
            }
        }

        _pending.RemoveRange(kept, _pending.Count - kept);
    }

    private void Classify(long peak, float value, List<long> beats)
    {
        if (_lastBeat >= 0 && peak - _lastBeat < _refractory)
        {
            return;
        }

        var slope = FusedSlope(peak);
        var tWave = _lastBeat >= 0 && peak - _lastBeat < _tWave && slope < TWaveSlopeRatio * _lastBeatSlope;
        var threshold1 = _noisePeak + (0.25 * (_signalPeak - _noisePeak));
        if (!tWave && value > threshold1)
        {
            Accept(peak, value, slope, 0.125, beats);
            return;
        }

        _noisePeak = (0.125 * value) + (0.875 * _noisePeak);
        if (!tWave && value > 0.5 * threshold1)
        {
            _pending.Add((peak, value, slope));
        }
    }

    private void Accept(long peak, float value, float slope, double weight, List<long> beats)
    {
        _signalPeak = (weight * value) + ((1 - weight) * _signalPeak);
        if (_lastBeat >= 0)
        {
            AddRr(peak - _lastBeat);
        }

        _lastBeat = peak;
        _lastBeatSlope = slope;
        RemovePendingBefore(peak + 1);
        var rr = AverageRr();
        _deadline = peak + (long)Math.Min(SearchBackRrFactor * rr, rr + _searchBackLate);
        if (_leads > 1)
        {
            UpdateLeadLevels(peak);
        }

        // The R peak is looked for up to 100 ms either side of the energy peak, so two energy peaks 200 ms apart can land
        // on R peaks closer than that: one beat (a wide QRS's two slopes, a T wave or artefact next to it), reported once.
        var r = Locate(peak);
        if (r > _lastR && (_lastR < 0 || r - _lastR >= _refractoryInput))
        {
            beats.Add(r);
            _lastR = r;
        }
    }

    private void AddRr(long rr)
    {
        if (_rrCount == RrHistory)
        {
            _rrSum -= _rr[_rrNext];
        }
        else
        {
            _rrCount++;
        }

        _rr[_rrNext] = rr;
        _rrSum += rr;
        _rrNext = (_rrNext + 1) % RrHistory;
    }

    private double AverageRr() => _rrCount == 0 ? _defaultRr : (double)_rrSum / _rrCount;

    private float Fuse(long j)
    {
        if (_leads == 1)
        {
            var channel = _channels[0];
            return Math.Max(0, channel.Integrated[j & channel.DecimatedMask] - _gate);
        }

        for (var l = 0; l < _leads; l++)
        {
            var channel = _channels[l];
            var above = Math.Max(0, channel.Integrated[j & channel.DecimatedMask] - _gate);
            _fuseScratch[l] = Math.Min(LeadClip, above / _leadLevel[l]);
        }

        return Combine(_fuseScratch);
    }

    private float FusedSlope(long peak)
    {
        var from = peak - _channels[0].IntegrationLength - 2;
        for (var l = 0; l < _leads; l++)
        {
            var channel = _channels[l];
            float max = 0;
            for (var i = Math.Max(0, from); i <= peak; i++)
            {
                max = Math.Max(max, channel.Slope[i & channel.DecimatedMask]);
            }

            _fuseScratch[l] = _leads == 1 ? max : Math.Min(LeadClip, max / _leadSlope[l]);
        }

        return _leads == 1 ? _fuseScratch[0] : Combine(_fuseScratch);
    }

    /// <summary>Two leads: the mean. Three or more: the median, so fewer than half the leads noisy or lost changes nothing.</summary>
    private float Combine(float[] values)
    {
        if (_leads == 2)
        {
            return 0.5f * (values[0] + values[1]);
        }

        // Insertion sort: at most 15 leads.
        for (var i = 1; i < values.Length; i++)
        {
            var v = values[i];
            var k = i - 1;
            while (k >= 0 && values[k] > v)
            {
                values[k + 1] = values[k];
                k--;
            }

            values[k + 1] = v;
        }

        var n = values.Length;
        return (n & 1) == 1 ? values[n / 2] : 0.5f * (values[(n / 2) - 1] + values[n / 2]);
    }

    private void UpdateLeadLevels(long peak)
    {
        var half = _channels[0].IntegrationLength / 2;
        var slopeFrom = peak - _channels[0].IntegrationLength - 2;
        for (var l = 0; l < _leads; l++)
        {
            var channel = _channels[l];
            float level = 0;
            for (var i = Math.Max(0, peak - half); i <= peak + half; i++)
            {
                level = Math.Max(level, channel.Integrated[i & channel.DecimatedMask] - _gate);
            }

            float slope = 0;
            for (var i = Math.Max(0, slopeFrom); i <= peak; i++)
            {
                slope = Math.Max(slope, channel.Slope[i & channel.DecimatedMask]);
            }

            _leadLevel[l] = Math.Max(_gate, (0.875f * _leadLevel[l]) + (0.125f * Math.Max(0, level)));
            _leadSlope[l] = Math.Max(1e-3f, (0.875f * _leadSlope[l]) + (0.125f * slope));
        }
    }

    private long Locate(long peak)
    {
        var expected = (peak * _decimation) + _decimation - 1 - _lag;
        var from = Math.Max(Math.Max(0, expected - _locate), _lastR + 1);
        var to = expected + _locate;
        if (to < from)
        {
            return -1;
        }

        var baseFrom = Math.Max(0, expected - _baseline);
        var baseTo = expected + _baseline;
        for (var l = 0; l < _leads; l++)
        {
            var channel = _channels[l];
            var count = 0;
            for (var i = baseFrom; i <= baseTo; i++)
            {
                _baselineScratch[count++] = channel.Raw[i & channel.RawMask];
            }

            var median = Select(_baselineScratch.AsSpan(0, count), count / 2);
            float extreme = 0;
            for (var i = from; i <= to; i++)
            {
                extreme = Math.Max(extreme, Math.Abs(channel.Raw[i & channel.RawMask] - median));
            }

            _leadBaseline[l] = median;
            _leadScale[l] = extreme > 0 ? 1 / extreme : 0;
        }

        // One lead: the largest deviation from the isoelectric level, whatever the QRS's polarity. Several: where the
        // sum of squared deviations, each lead scaled to its own largest, peaks (each lead's R counts alike).
        var best = from;
        double bestScore = -1;
        for (var i = from; i <= to; i++)
        {
            double score = 0;
            for (var l = 0; l < _leads; l++)
            {
                var channel = _channels[l];
                var deviation = (channel.Raw[i & channel.RawMask] - _leadBaseline[l]) * _leadScale[l];
                score += deviation * deviation;
            }

            if (score > bestScore)
            {
                bestScore = score;
                best = i;
            }
        }

        return best;
    }

    /// <summary>The k-th smallest value (Hoare's selection); reorders <paramref name="values"/>.</summary>
    private static float Select(Span<float> values, int k)
    {
        var left = 0;
        var right = values.Length - 1;
        while (left < right)
        {
            var pivot = values[(left + right) >>> 1];
            var i = left;
            var j = right;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                break;
            }
        }

        return values[k];
    }

    /// <summary>
    /// Runs one lead's front end over the reference QRS at this rate: its integral's peak gives the energy gate, and the
    /// time from the R apex to that peak is where to look for the R wave behind a detected peak.
    /// </summary>
    private static (float Gate, int Lag) Calibrate(double samplingRate, int decimation)
    {
        var length = (int)(3 * samplingRate);
        var apex = (int)samplingRate;
        var capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)length + 1);
        var channel = new QrsLeadChannel(samplingRate, decimation, capacity, capacity);
        var signal = new float[length];
        var sigma = ReferenceSigmaSeconds * samplingRate;
        for (var i = 0; i < length; i++)
        {
            var t = (i - apex) / sigma;
            signal[i] = (float)(GateMillivolts * Math.Exp(-0.5 * t * t));
        }

        channel.Process(signal);
        long peakIndex = 0;
        float peak = 0;
        for (long j = 0; j < channel.DecimatedCount; j++)
        {
            var v = channel.Integrated[j & channel.DecimatedMask];
            if (v > peak)
            {
                peak = v;
                peakIndex = j;
            }
        }

        var lag = (int)((peakIndex * decimation) + decimation - 1 - apex);
        return (peak, lag);
    }
}
