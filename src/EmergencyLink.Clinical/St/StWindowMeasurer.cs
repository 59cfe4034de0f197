using System.Runtime.Intrinsics;

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

        using var scratch = new WindowScratch();
        var known = scratch.Doubles(count);
        var medianRr = MedianOfKnown(rrs, null, known);
        var rhythmOk = new bool[count];
        for (var j = 0; j < count; j++)
        {
            rhythmOk[j] = rrs[j] < 0 || double.IsNaN(medianRr) || rrs[j] >= PrematureRrRatio * medianRr;
        }

        // The leads once, as arrays: reading a sample through IReadOnlyList costs an interface call.
        var signals = new float[leadCount][];
        for (var lead = 0; lead < leadCount; lead++)
        {
            signals[lead] = buffers[lead];
        }

        // Shapes are compared on a copy smoothed over 8 ms: QRS energy lies mostly below 40 Hz, while muscle noise
        // (and white noise) spreads up to the Nyquist rate and would otherwise decorrelate every beat from the template.
        var smooth = scratch.Floats(leadCount * WindowSamples);
        Smooth(signals, windowStart - origin, smooth);

        // Dominant QRS template from the beats of regular rhythm, aligned on it, then rebuilt from the aligned beats.
        var correlationLength = correlationBefore + correlationAfter + 1;
        var lags = new int[count];
        var correlation = new double[count];
        var residual = new double[count];
        var members = scratch.Ints(count);
        var memberRows = scratch.Floats(count * correlationLength);
        var medianScratch = scratch.Floats(count);
        var template = scratch.Floats(leadCount * correlationLength);
        var lagDots = scratch.Doubles(2 * maxShift + 1);
        var lagEnergies = scratch.Doubles(2 * maxShift + 1);
        for (var pass = 0; pass < 2; pass++)
        {
            var memberCount = 0;
            for (var j = 0; j < count; j++)
            {
                if (rhythmOk[j])
                {
                    members[memberCount++] = j;
                }
            }

            if (memberCount < 3)
            {
                for (var j = 0; j < count; j++)
                {
                    members[j] = j;
                }

                memberCount = count;
            }

            for (var lead = 0; lead < leadCount; lead++)
            {
                for (var m = 0; m < memberCount; m++)
                {
                    var start = (lead * WindowSamples) + (int)(peaks[members[m]] + lags[members[m]] - correlationBefore - windowStart);
                    var mean = RegionMean(smooth, start, correlationLength);
                    var memberRow = memberRows.AsSpan(m * correlationLength, correlationLength);
                    for (var c = 0; c < correlationLength; c++)
                    {
                        memberRow[c] = (float)(smooth[start + c] - mean);
                    }
                }

                var row = template.AsSpan(lead * correlationLength, correlationLength);
                BeatMedian.Columns(memberRows, memberCount, correlationLength, row, medianScratch);
                double rowMean = 0;
                for (var c = 0; c < correlationLength; c++)
                {
                    rowMean += row[c];
                }

                rowMean /= correlationLength;
                for (var c = 0; c < correlationLength; c++)
                {
                    row[c] = (float)(row[c] - rowMean);
                }
            }

            var templateEnergy = Energy(template.AsSpan(0, leadCount * correlationLength));
            for (var j = 0; j < count; j++)
            {
                (lags[j], correlation[j], residual[j]) = BestLag(
                    smooth, leadCount, (int)(peaks[j] - windowStart), template, correlationLength, templateEnergy, lagDots, lagEnergies);
            }
        }

        var kept = new List<int>();
        var isKept = new bool[count];
        var rhythmOkCount = 0;
        for (var j = 0; j < count; j++)
        {
            if (rhythmOk[j])
            {
                rhythmOkCount++;
                if (correlation[j] >= MinimumCorrelation && residual[j] <= MaximumResidualRatio)
                {
                    kept.Add(j);
                    isKept[j] = true;
                }
            }
        }

        // When most regular beats do not resemble their own median, the "dominant" shape is noise or artefact.
        var shapesDisagree = (rhythmOkCount - kept.Count) * 2 > rhythmOkCount;

        var used = kept.Count;
        var keptRr = MedianOfKnown(rrs, isKept, known);
        double? heartRate = double.IsNaN(keptRr) ? null : 60.0 * samplingRateHz / keptRr;
        if (used < 3)
        {
            return Failed(windowStart, windowEnd, count, used, heartRate, shapesDisagree ? StQuality.Noisy : StQuality.Good);
        }

        var segmentLength = before + after;
        var aligned = new long[used];
        for (var b = 0; b < used; b++)
        {
            aligned[b] = peaks[kept[b]] + lags[kept[b]];
        }

        var velocity = scratch.Doubles(segmentLength);
        medianScratch = scratch.Floats(used);

        // First the QRS onset on a median of offset-matched raw beats: enough to place the PR window for the baseline.
        // It depends only on the beat up to the end of the R-peak search, so only that much is formed.
        var roughLength = locator.SamplesForOnset(segmentLength, before);
        var beatRows = scratch.Floats(used * roughLength);
        var rough = scratch.Floats(leadCount * segmentLength);
        for (var lead = 0; lead < leadCount; lead++)
        {
            var signal = signals[lead];
            for (var b = 0; b < used; b++)
            {
                var offset = RegionMean(signal, aligned[b] - correlationBefore - origin, correlationLength);
                var first = aligned[b] - before - origin;
                var beatRow = beatRows.AsSpan(b * roughLength, roughLength);
                for (var n = 0; n < roughLength; n++)
                {
                    beatRow[n] = (float)(signal[first + n] - offset);
                }
            }

            var row = rough.AsSpan(lead * segmentLength, segmentLength);
            BeatMedian.Columns(beatRows, used, roughLength, row[..roughLength], medianScratch);
            row[roughLength..].Clear();
        }

        var onset = locator.LocateOnset(rough.AsSpan(0, leadCount * segmentLength), segmentLength, before, velocity);
        var prFromR = onset - prGap - prLength - before;

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
        var levels = new double[leadCount][];
        var curvatures = new double[leadCount][];
        for (var lead = 0; lead < leadCount; lead++)
        {
            levels[lead] = new double[knots.Count];
            for (var i = 0; i < knots.Count; i++)
            {
                levels[lead][i] = RegionMean(signals[lead], aligned[knotBeats[i]] + prFromR - origin, prLength);
            }

            curvatures[lead] = spline.SecondDerivatives(levels[lead]);
        }

        // The baseline-corrected beats, lead after lead, beat after beat.
        var corrected = scratch.Floats(leadCount * segmentLength * used);
        var interval = 0;
        for (var b = 0; b < used; b++)
        {
            var first = aligned[b] - before;
            for (var n = 0; n < segmentLength; n++)
            {
                var point = spline.Place(first - windowStart + n, ref interval);
                for (var lead = 0; lead < leadCount; lead++)
                {
                    var baseline = spline.Evaluate(levels[lead], curvatures[lead], point);
                    corrected[(((lead * used) + b) * segmentLength) + n] = (float)(signals[lead][first + n - origin] - baseline);
                }
            }
        }

        var median = new float[leadCount][];
        var medianRows = scratch.Floats(leadCount * segmentLength);
        for (var lead = 0; lead < leadCount; lead++)
        {
            var row = new float[segmentLength];
            BeatMedian.Columns(corrected.AsSpan(lead * used * segmentLength, used * segmentLength), used, segmentLength, row, medianScratch);
            row.CopyTo(medianRows, lead * segmentLength);
            median[lead] = row;
        }

        var fiducials = locator.Locate(medianRows.AsSpan(0, leadCount * segmentLength), segmentLength, before, velocity);
        var prStart = fiducials.Onset - prGap - prLength;
        var stCentre = fiducials.JPoint + stOffset;
        var stStart = stCentre - stHalfWidth;
        var stLength = 2 * stHalfWidth + 1;

        var leads = new List<LeadSt>(leadCount);
        var noisyLeads = 0;
        var perBeat = scratch.Doubles(used).AsSpan(0, used);
        for (var lead = 0; lead < leadCount; lead++)
        {
            var row = median[lead];
            var baseline = RegionMean(row, prStart, prLength);
            var st = RegionMean(row, stStart, stLength) - baseline;
            double? jValue = fiducials.JPointClear ? RegionMean(row, fiducials.JPoint, jLength) - baseline : null;

            for (var b = 0; b < used; b++)
            {
                var beat = corrected.AsSpan(((lead * used) + b) * segmentLength, segmentLength);
                perBeat[b] = RegionMean(beat, stStart, stLength) - RegionMean(beat, prStart, prLength);
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
                    var beat = corrected.AsSpan(((lead * used) + b) * segmentLength, segmentLength);
                    perBeat[b] = RegionMean(beat, fiducials.JPoint, jLength) - RegionMean(beat, prStart, prLength);
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

    /// <summary>
    /// The window of every lead, smoothed by a centred moving average of 8 ms, into <paramref name="smoothed"/> (lead
    /// after lead, index 0 = window start). Each lead keeps one running sum, to which samples are added and from which
    /// they are removed in stream order; its rounding is part of the result, so the order stays. The bulk of the window
    /// runs four leads side by side, whose sums are independent, so that the processor need not wait for one sum's
    /// previous addition before the next.
    /// </summary>
    private void Smooth(float[][] signals, long offset, float[] smoothed)
    {
        var half = smoothingHalfWidth;
        var length = WindowSamples;
        var width = (double)(2 * half + 1);
        var leadCount = signals.Length;
        Span<double> sums = stackalloc double[leadCount];
        for (var lead = 0; lead < leadCount; lead++)
        {
            var inSum = 0;
            SmoothEdge(signals[lead], offset, smoothed.AsSpan(lead * length, length), -half, half + 1, ref sums[lead], ref inSum);
        }

        var lead0 = 0;
        for (; lead0 + 4 <= leadCount; lead0 += 4)
        {
            var a = signals[lead0].AsSpan((int)offset, length);
            var b = signals[lead0 + 1].AsSpan((int)offset, length);
            var c = signals[lead0 + 2].AsSpan((int)offset, length);
            var d = signals[lead0 + 3].AsSpan((int)offset, length);
            var ra = smoothed.AsSpan(lead0 * length, length);
            var rb = smoothed.AsSpan((lead0 + 1) * length, length);
            var rc = smoothed.AsSpan((lead0 + 2) * length, length);
            var rd = smoothed.AsSpan((lead0 + 3) * length, length);
            double sa = sums[lead0], sb = sums[lead0 + 1], sc = sums[lead0 + 2], sd = sums[lead0 + 3];
            for (var n = half + 1; n < length - half; n++)
            {
                var add = n + half;
                var remove = n - half - 1;
                sa += a[add];
                sa -= a[remove];
                ra[n] = (float)(sa / width);
                sb += b[add];
                sb -= b[remove];
                rb[n] = (float)(sb / width);
                sc += c[add];
                sc -= c[remove];
                rc[n] = (float)(sc / width);
                sd += d[add];
                sd -= d[remove];
                rd[n] = (float)(sd / width);
            }

            (sums[lead0], sums[lead0 + 1], sums[lead0 + 2], sums[lead0 + 3]) = (sa, sb, sc, sd);
        }

        for (; lead0 < leadCount; lead0++)
        {
            var a = signals[lead0].AsSpan((int)offset, length);
            var ra = smoothed.AsSpan(lead0 * length, length);
            var sa = sums[lead0];
            for (var n = half + 1; n < length - half; n++)
            {
                sa += a[n + half];
                sa -= a[n - half - 1];
                ra[n] = (float)(sa / width);
            }

            sums[lead0] = sa;
        }

        for (var lead = 0; lead < leadCount; lead++)
        {
            var inSum = 2 * half + 1;
            SmoothEdge(signals[lead], offset, smoothed.AsSpan(lead * length, length), length - half, length, ref sums[lead], ref inSum);
        }
    }

    /// <summary>The moving average at n in [from, to), where the 8 ms reach past the window's start or end.</summary>
    private void SmoothEdge(float[] source, long offset, Span<float> row, int from, int to, ref double sum, ref int inSum)
    {
        var half = smoothingHalfWidth;
        for (var n = from; n < to; n++)
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
    }

    /// <summary>
    /// The lag within ±10 ms at which a beat (R peak at <paramref name="peak"/> in the window) best matches the
    /// template, with its correlation and residual energy. Each lag's sums run in the same order as for a lag alone;
    /// four lags go side by side in the lanes of a vector, which holds their consecutive start samples.
    /// </summary>
    private (int Lag, double Correlation, double Residual) BestLag(
        float[] smooth, int leadCount, int peak, float[] template, int length, double templateEnergy, double[] dots, double[] energies)
    {
        if (templateEnergy <= 0)
        {
            return (0, 0, double.PositiveInfinity);
        }

        var lagCount = 2 * maxShift + 1;
        var divisor = Vector256.Create((double)length);
        for (var group = 0; group < lagCount; group += Vector256<double>.Count)
        {
            // The last group is moved back to end on the last lag; lags it repeats come out the same.
            var firstLag = Math.Max(0, Math.Min(group, lagCount - Vector256<double>.Count));
            var dot = Vector256<double>.Zero;
            var energy = Vector256<double>.Zero;
            for (var lead = 0; lead < leadCount; lead++)
            {
                var samples = smooth.AsSpan((lead * WindowSamples) + peak + firstLag - maxShift - correlationBefore, length + Vector256<double>.Count - 1);
                var row = template.AsSpan(lead * length, length);
                var sum = Vector256<double>.Zero;
                var squares = Vector256<double>.Zero;
                var products = Vector256<double>.Zero;
                for (var c = 0; c < length; c++)
                {
                    var four = Vector128.Create<float>(samples.Slice(c, Vector128<float>.Count));
                    var v = Vector256.Create(Vector128.WidenLower(four), Vector128.WidenUpper(four));
                    sum += v;
                    squares += v * v;
                    products += v * Vector256.Create((double)row[c]);
                }

                // The template row has zero mean, so the products need no mean removal; the energy does.
                dot += products;
                energy += squares - sum * sum / divisor;
            }

            for (var lane = 0; lane < Vector256<double>.Count && firstLag + lane < lagCount; lane++)
            {
                dots[firstLag + lane] = dot[lane];
                energies[firstLag + lane] = energy[lane];
            }
        }

        var best = (Lag: 0, Correlation: double.NegativeInfinity, Residual: double.PositiveInfinity);
        for (var i = 0; i < lagCount; i++)
        {
            var r = energies[i] > 0 ? dots[i] / Math.Sqrt(energies[i] * templateEnergy) : 0;
            if (r > best.Correlation)
            {
                best = (i - maxShift, r, (energies[i] - 2 * dots[i] + templateEnergy) / templateEnergy);
            }
        }

        return best;
    }

    private static double Energy(ReadOnlySpan<float> template)
    {
        double energy = 0;
        foreach (var v in template)
        {
            energy += v * v;
        }

        return energy;
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

    /// <summary>The median of the known RR intervals (those of the beats in <paramref name="include"/>, or all).</summary>
    private static double MedianOfKnown(List<long> rrs, bool[]? include, double[] scratch)
    {
        var count = 0;
        for (var j = 0; j < rrs.Count; j++)
        {
            if (rrs[j] > 0 && (include is null || include[j]))
            {
                scratch[count++] = rrs[j];
            }
        }

        if (count == 0)
        {
            return double.NaN;
        }

        var known = scratch.AsSpan(0, count);
        known.Sort();
        var half = count / 2;
        return count % 2 == 1 ? known[half] : (known[half - 1] + known[half]) / 2.0;
    }

    private static double RegionMean(ReadOnlySpan<float> samples, long start, int length)
    {
        double sum = 0;
        foreach (var v in samples.Slice(checked((int)start), length))
        {
            sum += v;
        }

        return sum / length;
    }

    private static double StandardDeviation(ReadOnlySpan<double> values)
    {
        if (values.Length < 2)
        {
            return 0;
        }

        double total = 0;
        foreach (var v in values)
        {
            total += v;
        }

        var mean = total / values.Length;
        double squares = 0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        return Math.Sqrt(squares / (values.Length - 1));
    }
}
