namespace EmergencyLink.Clinical.St;

/// <summary>
/// Finds QRS onset and J point once for all leads on the median beat, from the spatial velocity (the sum over leads
/// of the absolute slope). One lead alone can start or end its QRS isoelectrically, so single-lead fiducials scatter;
/// the joint boundary is what the 12-lead measurement standards ask for (onset = earliest, offset = latest activity in
/// any lead), and it is what a median beat of all leads supports.
/// </summary>
internal sealed class FiducialLocator
{
    // Activity thresholds as fractions of the QRS's peak spatial velocity above the floor: low enough that a small
    // initial q or terminal s wave (a twentieth of the R wave) counts as QRS. Offset uses a higher fraction than onset
    // because the PR segment is flat, whereas the ST segment may legitimately slope (rising into T in ischaemia).
    private const double OnsetFraction = 0.015;
    private const double OffsetFraction = 0.025;
    private const double SteepFraction = 0.3;

    // On a noisy median beat the floor is the mean of summed absolute noise differences; its spread is about a fifth
    // of its mean with 12 leads, so twice the floor keeps noise from passing for QRS activity.
    private const double NoiseFloorFactor = 2.0;

    private readonly int derivativeHalfSpan;
    private readonly int peakSearch;
    private readonly int onsetSearch;
    private readonly int onsetQuiet;
    private readonly int offsetQuiet;
    private readonly int steepSearchAfter;
    private readonly int offsetSearch;
    private readonly int floorLength;
    private readonly int floorEndBeforeR;

    public FiducialLocator(double samplingRateHz)
    {
        int Samples(double ms) => Math.Max(1, (int)Math.Round(ms * samplingRateHz / 1000.0));

        // Slope over 8 ms: short against a 10-ms QRS deflection's rise, long enough to average sample noise.
        derivativeHalfSpan = Samples(4);
        peakSearch = Samples(60);
        onsetSearch = Samples(150);
        onsetQuiet = Samples(8);

        // Like the onset, the end of QRS must stay quiet for 8 ms: a momentary dip of activity between the S wave and a
        // late R' (right bundle branch block), made deeper by noise, is not the J point.
        offsetQuiet = Samples(8);
        steepSearchAfter = Samples(150);
        offsetSearch = Samples(200);
        floorLength = Samples(20);
        floorEndBeforeR = Samples(40);
    }

    /// <summary>Samples needed before the R peak for the search (the floor is sought from the segment start).</summary>
    public int SamplesBeforeR => onsetSearch + onsetQuiet + derivativeHalfSpan;

    /// <summary>Samples needed after the R peak for the search.</summary>
    public int SamplesAfterR => offsetSearch + derivativeHalfSpan + 1;

    /// <param name="beat">The median beat, lead after lead, each <paramref name="length"/> samples long.</param>
    /// <param name="velocity">Working memory of at least <paramref name="length"/> values.</param>
    public QrsFiducials Locate(ReadOnlySpan<float> beat, int length, int rIndex, Span<double> velocity) =>
        Find(beat, length, rIndex, velocity, onsetOnly: false);

    /// <summary>
    /// How many samples from a beat's start <see cref="LocateOnset"/> reads: the onset depends on the activity up to
    /// the end of the R-peak search only.
    /// </summary>
    public int SamplesForOnset(int length, int rIndex) => Math.Min(length, rIndex + peakSearch + derivativeHalfSpan + 1);

    /// <summary>The QRS onset of <see cref="Locate"/>, reading only the first <see cref="SamplesForOnset"/> samples of each lead.</summary>
    public int LocateOnset(ReadOnlySpan<float> beat, int length, int rIndex, Span<double> velocity) =>
        Find(beat, length, rIndex, velocity, onsetOnly: true).Onset;

    private QrsFiducials Find(ReadOnlySpan<float> beat, int length, int rIndex, Span<double> velocity, bool onsetOnly)
    {
        var k = derivativeHalfSpan;
        velocity = velocity[..length];
        velocity.Clear();
        var velocityEnd = onsetOnly ? SamplesForOnset(length, rIndex) - k : length - k;
        for (var n = k; n < velocityEnd; n++)
        {
            double sum = 0;
            for (var at = n; at < beat.Length; at += length)
            {
                sum += Math.Abs(beat[at + k] - beat[at - k]);
            }

            velocity[n] = sum;
        }

        var peak = 0.0;
        for (var n = Math.Max(k, rIndex - peakSearch); n <= Math.Min(length - k - 1, rIndex + peakSearch); n++)
        {
            peak = Math.Max(peak, velocity[n]);
        }

        var floor = QuietestLevel(velocity, k, rIndex - floorEndBeforeR);
        var span = Math.Max(0.0, peak - floor);
        var onsetThreshold = Math.Max(floor + OnsetFraction * span, NoiseFloorFactor * floor);
        var offsetThreshold = Math.Max(floor + OffsetFraction * span, NoiseFloorFactor * floor);
        var steepThreshold = floor + SteepFraction * span;

        var onsetLimit = Math.Max(k + onsetQuiet, rIndex - onsetSearch);
        var firstSteep = rIndex;
        for (var n = onsetLimit; n <= rIndex; n++)
        {
            if (velocity[n] >= steepThreshold)
            {
                firstSteep = n;
                break;
            }
        }

        // Walk back from the first steep slope to the nearest stretch that stays quiet for 8 ms.
        var onset = onsetLimit;
        var onsetFound = false;
        var quiet = 0;
        for (var n = firstSteep; n >= onsetLimit - onsetQuiet + 1 && n >= k; n--)
        {
            quiet = velocity[n] < onsetThreshold ? quiet + 1 : 0;
            if (quiet == onsetQuiet)
            {
                onset = n + onsetQuiet;
                onsetFound = true;
                break;
            }
        }

        if (onsetOnly)
        {
            return new QrsFiducials(onset, -1, onsetFound, false);
        }

        var offsetLimit = Math.Min(length - k - 1, rIndex + offsetSearch);
        var lastSteep = rIndex;
        for (var n = Math.Min(offsetLimit, rIndex + steepSearchAfter); n >= rIndex; n--)
        {
            if (velocity[n] >= steepThreshold)
            {
                lastSteep = n;
                break;
            }
        }

        var jPoint = -1;
        var calm = 0;
        for (var n = lastSteep; n <= offsetLimit; n++)
        {
            calm = velocity[n] < offsetThreshold ? calm + 1 : 0;
            if (calm == offsetQuiet)
            {
                jPoint = n - offsetQuiet + 1;
                break;
            }
        }

        var clear = jPoint >= 0;
        if (!clear)
        {
            jPoint = lastSteep + 1;
            for (var n = lastSteep + 1; n <= offsetLimit; n++)
            {
                if (velocity[n] < velocity[jPoint])
                {
                    jPoint = n;
                }
            }
        }

        return new QrsFiducials(onset, jPoint, onsetFound, clear);
    }

    private double QuietestLevel(ReadOnlySpan<double> velocity, int from, int to)
    {
        if (to - from < floorLength)
        {
            return 0.0;
        }

        double window = 0;
        for (var n = from; n < from + floorLength; n++)
        {
            window += velocity[n];
        }

        var lowest = window;
        for (var n = from + floorLength; n < to; n++)
        {
            window += velocity[n] - velocity[n - floorLength];
            lowest = Math.Min(lowest, window);
        }

        return lowest / floorLength;
    }
}
