namespace EmergencyLink.Clinical.St;

/// <summary>
/// Measures one window. Batch and streaming both come here with the same samples and beats, which is what makes
/// them agree exactly. Reads only samples inside [windowStart, windowStart + WindowSamples).
/// </summary>
internal sealed class StWindowMeasurer
{
    // Beats whose preceding RR is shorter than this share of the window's median RR are premature (the usual 20 %
    // prematurity criterion for ectopic beats); besides being ectopic, their PR segment can sit on the previous T wave.
    private const double PrematureRrRatio = 0.8;

    // Morphology test against the dominant template over the QRS: a correlation below 0.9 or a residual above half the
    // template's energy marks a beat of another shape (PVC, aberrant, fusion, artefact). Respiration changes QRS
    // amplitude by up to about ±30 %, which stays well inside the residual limit.
    private const double MinimumCorrelation = 0.9;
    private const double MaximumResidualRatio = 0.5;

    // A lead whose ST value has a standard error above a quarter millimetre cannot separate 0.09 from 0.11 mV
    // reliably (two standard errors span half a millimetre, the smallest step read on paper).
    private const double NoisyLeadStandardErrorMillivolts = 0.025;

    // Median of n normal values has a standard error 1.2533 sigma / sqrt(n) (sqrt(pi/2)).
    private const double MedianEfficiency = 1.2533141373155;

    private readonly double samplingRateHz;
    private readonly IReadOnlyList<string> leadNames;
    private readonly StAnalyzerOptions options;
    private readonly FiducialLocator locator;
    private readonly int before;
    private readonly int after;
    private readonly int maxShift;
    private readonly int smoothingHalfWidth;
    private readonly int correlationBefore;
    private readonly int correlationAfter;
    private readonly int prGap;
    private readonly int prLength;
    private readonly int stOffset;
    private readonly int stHalfWidth;
    private readonly int jLength;
    private readonly long maxRr;

    public StWindowMeasurer(double samplingRateHz, IReadOnlyList<string> leadNames, StAnalyzerOptions options)
    {
        this.samplingRateHz = samplingRateHz;
        this.leadNames = leadNames;
        this.options = options;
        locator = new FiducialLocator(samplingRateHz);

        WindowSamples = (int)Math.Round(options.WindowSeconds * samplingRateHz);
        HopSamples = (int)Math.Round(options.HopSeconds * samplingRateHz);
        maxShift = Samples(10);
        smoothingHalfWidth = Math.Max(0, (int)Math.Round(4 * samplingRateHz / 1000.0));
        correlationBefore = Samples(100);
        correlationAfter = Samples(120);

        // The PR baseline is the mean of 20 ms ending 10 ms before QRS onset. The PR segment (end of P to QRS onset)
        // is normally 50-120 ms, so this stays clear of the P wave even with a short PR segment, and the 10-ms gap
        // absorbs a late onset estimate. 20 ms is one whole 50-Hz mains cycle (1.2 cycles at 60 Hz), so residual
        // mains interference averages out, as does white noise by sqrt of the sample count.
        prGap = Samples(10);
        prLength = Samples(20);

        // ST is the mean over J+offset ±10 ms: the same 20-ms mains-cancelling width, and unbiased on a straight
        // (up- or downsloping) ST segment.
        stOffset = Samples(options.StOffsetMilliseconds);
        stHalfWidth = Samples(10);

        // The J-point value, which the STEMI criteria compare, is the mean of the first 10 ms of the ST segment from the
        // J point on: one sample of the median beat carries the full sample noise (the J+60 value averages 21 ms), and
        // on CinC 2021 records with 0.05 mV of added white noise single samples raised false STEMIs. The reading
        // moves at most 5 ms along the ST segment (0.014 mV on a normal young man's V3 rising into T at 2.8 mV/s).
        jLength = Samples(10);

        before = Math.Max(Samples(250), locator.SamplesBeforeR + prGap + prLength);
        after = Math.Max(Samples(400), locator.SamplesAfterR + stOffset + stHalfWidth + 1);
        maxRr = (long)Math.Round(3.0 * samplingRateHz);
    }

    public int WindowSamples { get; }

    public int HopSamples { get; }

    /// <summary>How far past an R peak a beat's analysis segment reaches, including the alignment search.</summary>
    public int ReachAfterR => after + maxShift;

    /// <summary>Beats further back than this before a window never influence it (the RR of its first beat).</summary>
    public long MaxRr => maxRr;

    private int Samples(double ms) => Math.Max(1, (int)Math.Round(ms * samplingRateHz / 1000.0));

    private double Milliseconds(int samples) => samples * 1000.0 / samplingRateHz;

    /// <param name="buffers">Per lead, samples from <paramref name="origin"/> on.</param>
    /// <param name="beats">R-peak sample numbers in ascending order (may extend beyond the window).</param>
    public StMeasurement Measure(IReadOnlyList<float[]> buffers, long origin, long windowStart, IReadOnlyList<long> beats)
    {
        var windowEnd = windowStart + WindowSamples;
        var leadCount = buffers.Count;

        var peaks = new List<long>();
        var rrs = new List<long>();
        for (var i = LowerBound(beats, windowStart + before + maxShift); i < beats.Count; i++)
        {
            var r = beats[i];
            if (r + after + maxShift > windowEnd)
            {
                break;
            }

            if (i > 0 && beats[i - 1] == r)
            {
                continue;
            }

            peaks.Add(r);
            var rr = i > 0 ? r - beats[i - 1] : -1;
            rrs.Add(rr > 0 && rr <= maxRr ? rr : -1);
        }

        var count = peaks.Count;
        if (count < 3)
        {
            return Failed(windowStart, windowEnd, count, 0, null);
        }

        var medianRr = MedianOfKnown(rrs, _ => true);
        var rhythmOk = new bool[count];
        for (var j = 0; j < count; j++)
        {
            rhythmOk[j] = rrs[j] < 0 || double.IsNaN(medianRr) || rrs[j] >= PrematureRrRatio * medianRr;
        }

        float Raw(int lead, long sample) => buffers[lead][sample - origin];

        // Shapes are compared on a copy smoothed over 8 ms: QRS energy lies mostly below 40 Hz, while muscle noise
        // (and white noise) spreads up to the Nyquist rate and would otherwise decorrelate every beat from the template.
        var smooth = Smoothed(buffers, origin, windowStart);

        // Dominant QRS template from the beats of regular rhythm, aligned on it, then rebuilt from the aligned beats.
        var correlationLength = correlationBefore + correlationAfter + 1;
        var lags = new int[count];
        var correlation = new double[count];
        var residual = new double[count];
        for (var pass = 0; pass < 2; pass++)
        {
            var members = Enumerable.Range(0, count).Where(j => rhythmOk[j]).ToList();
            if (members.Count < 3)
            {
                members = Enumerable.Range(0, count).ToList();
            }

            var template = new float[leadCount][];
            var values = new float[members.Count];
            for (var lead = 0; lead < leadCount; lead++)
            {
                var means = new double[members.Count];
                for (var m = 0; m < members.Count; m++)
                {
                    means[m] = RegionMean(smooth[lead], peaks[members[m]] + lags[members[m]] - correlationBefore - windowStart, correlationLength);
                }

                var row = new float[correlationLength];
                double rowMean = 0;
                for (var c = 0; c < correlationLength; c++)
                {
                    for (var m = 0; m < members.Count; m++)
                    {
                        var start = peaks[members[m]] + lags[members[m]] - correlationBefore - windowStart;
                        values[m] = (float)(smooth[lead][start + c] - means[m]);
                    }

                    row[c] = Median(values);
                    rowMean += row[c];
                }

                rowMean /= correlationLength;
                for (var c = 0; c < correlationLength; c++)
                {
                    row[c] = (float)(row[c] - rowMean);
                }

                template[lead] = row;
            }

            for (var j = 0; j < count; j++)
            {
                (lags[j], correlation[j], residual[j]) = BestLag(smooth, windowStart, peaks[j], template, correlationLength);
            }
        }

        var kept = new List<int>();
        var rhythmOkCount = 0;
        for (var j = 0; j < count; j++)
        {
            if (rhythmOk[j])
            {
                rhythmOkCount++;
                if (correlation[j] >= MinimumCorrelation && residual[j] <= MaximumResidualRatio)
                {
                    kept.Add(j);
                }
            }
        }

        // When most regular beats do not resemble their own median, the "dominant" shape is noise or artefact.
        var shapesDisagree = (rhythmOkCount - kept.Count) * 2 > rhythmOkCount;

        var used = kept.Count;
        var keptRr = MedianOfKnown(rrs, j => kept.Contains(j));
        double? heartRate = double.IsNaN(keptRr) ? null : 60.0 * samplingRateHz / keptRr;
        if (used < 3)
        {
            return Failed(windowStart, windowEnd, count, used, heartRate, shapesDisagree ? StQuality.Noisy : StQuality.Good);
        }

        var segmentLength = before + after;
        var aligned = kept.Select(j => peaks[j] + lags[j]).ToArray();

        // First fiducials on a median of offset-matched raw beats: enough to place the PR window for the baseline.
        var rough = new float[leadCount][];
        {
            var offsets = new double[used, leadCount];
            for (var b = 0; b < used; b++)
            {
                for (var lead = 0; lead < leadCount; lead++)
                {
                    offsets[b, lead] = RegionMean(buffers[lead], aligned[b] - correlationBefore - origin, correlationLength);
                }
            }

            var values = new float[used];
            for (var lead = 0; lead < leadCount; lead++)
            {
                var row = new float[segmentLength];
                for (var n = 0; n < segmentLength; n++)
                {
                    for (var b = 0; b < used; b++)
                    {
                        values[b] = (float)(Raw(lead, aligned[b] - before + n) - offsets[b, lead]);
                    }

                    row[n] = Median(values);
                }

                rough[lead] = row;
            }
        }

        var roughFiducials = locator.Locate(rough, before);
        var prFromR = roughFiducials.Onset - prGap - prLength - before;

        // Baseline wander: a spline through each kept beat's PR level, subtracted sample by sample.
        var knots = new List<double>();
        var knotBeats = new List<int>();
        for (var b = 0; b < used; b++)
        {
            var at = (double)(aligned[b] - windowStart + prFromR) + (prLength - 1) / 2.0;
            if (knots.Count == 0 || at > knots[^1])
            {
                knots.Add(at);
                knotBeats.Add(b);
            }
        }

        var spline = new NaturalCubicSpline(knots.ToArray());
        var corrected = new float[used][][];
        for (var b = 0; b < used; b++)
        {
            corrected[b] = new float[leadCount][];
        }

        for (var lead = 0; lead < leadCount; lead++)
        {
            var levels = new double[knots.Count];
            for (var i = 0; i < knots.Count; i++)
            {
                levels[i] = RegionMean(buffers[lead], aligned[knotBeats[i]] + prFromR - origin, prLength);
            }

            var curvature = spline.SecondDerivatives(levels);
            var interval = 0;
            for (var b = 0; b < used; b++)
            {
                var row = new float[segmentLength];
                var first = aligned[b] - before;
                for (var n = 0; n < segmentLength; n++)
                {
                    var baseline = spline.Evaluate(levels, curvature, first - windowStart + n, ref interval);
                    row[n] = (float)(Raw(lead, first + n) - baseline);
                }

                corrected[b][lead] = row;
            }
        }

        var median = new float[leadCount][];
        {
            var values = new float[used];
            for (var lead = 0; lead < leadCount; lead++)
            {
                var row = new float[segmentLength];
                for (var n = 0; n < segmentLength; n++)
                {
                    for (var b = 0; b < used; b++)
                    {
                        values[b] = corrected[b][lead][n];
                    }

                    row[n] = Median(values);
                }

                median[lead] = row;
            }
        }

        var fiducials = locator.Locate(median, before);
        var prStart = fiducials.Onset - prGap - prLength;
        var stCentre = fiducials.JPoint + stOffset;
        var stStart = stCentre - stHalfWidth;
        var stLength = 2 * stHalfWidth + 1;

        var leads = new List<LeadSt>(leadCount);
        var noisyLeads = 0;
        var perBeat = new double[used];
        for (var lead = 0; lead < leadCount; lead++)
        {
            var row = median[lead];
            var baseline = RegionMean(row, prStart, prLength);
            var st = RegionMean(row, stStart, stLength) - baseline;
            double? jValue = fiducials.JPointClear ? RegionMean(row, fiducials.JPoint, jLength) - baseline : null;

            for (var b = 0; b < used; b++)
            {
                perBeat[b] = RegionMean(corrected[b][lead], stStart, stLength) - RegionMean(corrected[b][lead], prStart, prLength);
            }

            var noise = MedianEfficiency * StandardDeviation(perBeat) / Math.Sqrt(used);
            var noisy = noise > NoisyLeadStandardErrorMillivolts;
            if (noisy)
            {
                noisyLeads++;
            }

            double? jNoise = null;
            if (jValue.HasValue)
            {
                for (var b = 0; b < used; b++)
                {
                    perBeat[b] = RegionMean(corrected[b][lead], fiducials.JPoint, jLength) - RegionMean(corrected[b][lead], prStart, prLength);
                }

                jNoise = MedianEfficiency * StandardDeviation(perBeat) / Math.Sqrt(used);
            }

            leads.Add(new LeadSt(leadNames[lead], st, jValue, noise, noisy, jNoise, jNoise > NoisyLeadStandardErrorMillivolts));
        }

        var quality = StQuality.Good;
        if (used < options.MinimumBeats)
        {
            quality |= StQuality.TooFewBeats;
        }

        if (noisyLeads * 4 > leadCount || shapesDisagree)
        {
            quality |= StQuality.Noisy;
        }

        if (!fiducials.OnsetFound)
        {
            quality |= StQuality.FiducialsUncertain;
        }

        return new StMeasurement(
            windowStart,
            windowEnd,
            samplingRateHz,
            leads,
            count,
            used,
            heartRate,
            Milliseconds(fiducials.Onset - before),
            Milliseconds(fiducials.JPoint - before),
            options.StOffsetMilliseconds,
            quality,
            new MedianBeat(before, samplingRateHz, median));
    }

    private StMeasurement Failed(
        long windowStart, long windowEnd, int inWindow, int used, double? heartRate, StQuality also = StQuality.Good) =>
        new(windowStart, windowEnd, samplingRateHz, [], inWindow, used, heartRate, null, null,
            options.StOffsetMilliseconds, StQuality.TooFewBeats | also, null);

    /// <summary>The window of every lead, smoothed by a centred moving average of 8 ms (index 0 = window start).</summary>
    private float[][] Smoothed(IReadOnlyList<float[]> buffers, long origin, long windowStart)
    {
        var half = smoothingHalfWidth;
        var smoothed = new float[buffers.Count][];
        for (var lead = 0; lead < buffers.Count; lead++)
        {
            var source = buffers[lead];
            var offset = windowStart - origin;
            var row = new float[WindowSamples];
            double sum = 0;
            var inSum = 0;
            for (var n = -half; n < WindowSamples + half; n++)
            {
                var add = n + half;
                if (add < WindowSamples)
                {
                    sum += source[offset + add];
                    inSum++;
                }

                var remove = n - half - 1;
                if (remove >= 0)
                {
                    sum -= source[offset + remove];
                    inSum--;
                }

                if (n >= 0 && n < WindowSamples)
                {
                    row[n] = (float)(sum / inSum);
                }
            }

            smoothed[lead] = row;
        }

        return smoothed;
    }

    private (int Lag, double Correlation, double Residual) BestLag(
        float[][] buffers, long origin, long peak, float[][] template, int length)
    {
        double templateEnergy = 0;
        foreach (var row in template)
        {
            foreach (var v in row)
            {
                templateEnergy += v * v;
            }
        }

        var best = (Lag: 0, Correlation: double.NegativeInfinity, Residual: double.PositiveInfinity);
        if (templateEnergy <= 0)
        {
            return (0, 0, double.PositiveInfinity);
        }

        for (var lag = -maxShift; lag <= maxShift; lag++)
        {
            var start = (int)(peak + lag - correlationBefore - origin);
            double dot = 0;
            double energy = 0;
            for (var lead = 0; lead < template.Length; lead++)
            {
                var samples = buffers[lead];
                var row = template[lead];
                double sum = 0;
                double squares = 0;
                double products = 0;
                for (var c = 0; c < length; c++)
                {
                    double v = samples[start + c];
                    sum += v;
                    squares += v * v;
                    products += v * row[c];
                }

                // The template row has zero mean, so the products need no mean removal; the energy does.
                dot += products;
                energy += squares - sum * sum / length;
            }

            var r = energy > 0 ? dot / Math.Sqrt(energy * templateEnergy) : 0;
            if (r > best.Correlation)
            {
                best = (lag, r, (energy - 2 * dot + templateEnergy) / templateEnergy);
            }
        }

        return best;
    }

    private static int LowerBound(IReadOnlyList<long> sorted, long value)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static double MedianOfKnown(List<long> rrs, Func<int, bool> include)
    {
        var known = new List<double>();
        for (var j = 0; j < rrs.Count; j++)
        {
            if (rrs[j] > 0 && include(j))
            {
                known.Add(rrs[j]);
            }
        }

        if (known.Count == 0)
        {
            return double.NaN;
        }

        known.Sort();
        var half = known.Count / 2;
        return known.Count % 2 == 1 ? known[half] : (known[half - 1] + known[half]) / 2.0;
    }

    private static double RegionMean(float[] samples, long start, int length)
    {
        double sum = 0;
        for (var i = 0; i < length; i++)
        {
            sum += samples[start + i];
        }

        return sum / length;
    }

    /// <summary>Median of the values; reorders them.</summary>
    private static float Median(float[] values)
    {
        Array.Sort(values);
        var half = values.Length / 2;
        return values.Length % 2 == 1 ? values[half] : (values[half - 1] + values[half]) / 2f;
    }

    private static double StandardDeviation(double[] values)
    {
        if (values.Length < 2)
        {
            return 0;
        }

        var mean = values.Average();
        double squares = 0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        return Math.Sqrt(squares / (values.Length - 1));
    }
}
