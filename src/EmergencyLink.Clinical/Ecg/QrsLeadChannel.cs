namespace EmergencyLink.Clinical.Ecg;

/// <summary>
/// One lead's Pan–Tompkins front end: boxcar decimation to an internal rate of 200–400 Hz, 5–15 Hz band-pass
/// (2nd-order Butterworth high-pass, 4th-order Butterworth low-pass), five-point derivative, squaring and a 150 ms
/// moving-window integral; plus a ring of the input itself for locating the R peak.
/// </summary>
internal sealed class QrsLeadChannel
{
    // Pan J, Tompkins WJ. A real-time QRS detection algorithm. IEEE Trans Biomed Eng 1985;32(3):230-236:
    // QRS energy lies mostly in 5-15 Hz, and the integration window is about as long as the widest QRS (150 ms).
    public const double HighPassHz = 5;
    public const double LowPassHz = 15;
    public const double IntegrationSeconds = 0.150;

    private readonly int _decimation;
    private readonly double _inverseDecimation;
    private readonly double _derivativeScale;
    private readonly Biquad _high;
    private readonly Biquad _low1;
    private readonly Biquad _low2;
    private readonly double[] _squares;
    private readonly int _rawMask;
    private readonly int _decimatedMask;

    private double _h1, _h2, _l11, _l12, _l21, _l22;
    private double _y1, _y2, _y3, _y4;
    private double _sum;
    private int _squarePosition;
    private double _accumulator;
    private int _accumulated;
    private bool _hasOffset;
    private float _offset;
    private float _lastFinite;

    public QrsLeadChannel(double samplingRate, int decimation, int rawCapacity, int decimatedCapacity)
    {
        _decimation = decimation;
        _inverseDecimation = 1.0 / decimation;
        var internalRate = samplingRate / decimation;
        // Causal form of Pan–Tompkins' derivative, (2x[n] + x[n-1] - x[n-3] - 2x[n-4]) / 8T, in mV/s at any rate.
        _derivativeScale = internalRate / 8;
        _high = Biquad.HighPass(HighPassHz, internalRate, Biquad.SecondOrderButterworthQ);
        _low1 = Biquad.LowPass(LowPassHz, internalRate, Biquad.FourthOrderButterworthQ[0]);
        _low2 = Biquad.LowPass(LowPassHz, internalRate, Biquad.FourthOrderButterworthQ[1]);
        _squares = new double[Math.Max(1, (int)Math.Round(IntegrationSeconds * internalRate))];
        Raw = new float[rawCapacity];
        _rawMask = rawCapacity - 1;
        Integrated = new float[decimatedCapacity];
        Slope = new float[decimatedCapacity];
        _decimatedMask = decimatedCapacity - 1;
    }

    /// <summary>Ring of input samples (minus the first sample, so the filters start at rest), by input sample number.</summary>
    public float[] Raw { get; }

    /// <summary>Ring of the moving-window integral, (mV/s)², by internal sample number.</summary>
    public float[] Integrated { get; }

    /// <summary>Ring of the absolute band-passed slope, mV/s, by internal sample number.</summary>
    public float[] Slope { get; }

    public int RawMask => _rawMask;

    public int DecimatedMask => _decimatedMask;

    public long InputCount { get; private set; }

    public long DecimatedCount { get; private set; }

    public int IntegrationLength => _squares.Length;

    public void Process(ReadOnlySpan<float> input)
    {
        var raw = Raw;
        var rawMask = _rawMask;
        var count = InputCount;
        foreach (var sample in input)
        {
            var x = sample;
            if (float.IsFinite(x))
            {
                _lastFinite = x;
            }
            else
            {
                // A missing sample (NaN from an invalid WFDB value, a dropped frame) holds the last good value.
                x = _lastFinite;
            }

            if (!_hasOffset)
            {
                _offset = x;
                _hasOffset = true;
            }

            var v = x - _offset;
            raw[count & rawMask] = v;
            count++;
            _accumulator += v;
            if (++_accumulated == _decimation)
            {
                Step(_accumulator * _inverseDecimation);
                _accumulator = 0;
                _accumulated = 0;
            }
        }

        InputCount = count;
    }

    private void Step(double x)
    {
        // Transposed direct form II, one section after the other.
        var b = _high;
        var y = (b.B0 * x) + _h1;
        _h1 = (b.B1 * x) - (b.A1 * y) + _h2;
        _h2 = (b.B2 * x) - (b.A2 * y);
        x = y;
        b = _low1;
        y = (b.B0 * x) + _l11;
        _l11 = (b.B1 * x) - (b.A1 * y) + _l12;
        _l12 = (b.B2 * x) - (b.A2 * y);
        x = y;
        b = _low2;
        y = (b.B0 * x) + _l21;
        _l21 = (b.B1 * x) - (b.A1 * y) + _l22;
        _l22 = (b.B2 * x) - (b.A2 * y);

        var derivative = ((2 * y) + _y1 - _y3 - (2 * _y4)) * _derivativeScale;
        _y4 = _y3;
        _y3 = _y2;
        _y2 = _y1;
        _y1 = y;

        var square = derivative * derivative;
        _sum += square - _squares[_squarePosition];
        _squares[_squarePosition] = square;
        if (++_squarePosition == _squares.Length)
        {
            _squarePosition = 0;
        }

        var index = DecimatedCount & _decimatedMask;
        Integrated[index] = (float)Math.Max(0, _sum / _squares.Length);
        Slope[index] = (float)Math.Abs(derivative);
        DecimatedCount++;
    }
}
