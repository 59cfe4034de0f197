namespace EmergencyLink.Clinical.Synthetic;

/// <summary>
/// A synthetic 12-lead ECG in the spirit of ECGSYN (McSharry, Clifford, Tarassenko, Smith, IEEE TBME
/// 2003;50:289–294): each cycle of the limit cycle carries Gaussian P, Q, R, S and T events, and the cycles follow an
/// RR tachogram with Mayer-wave and respiratory peaks. As in the vectorcardiographic extension of Sameni, Clifford,
/// Jutten and Shamsollahi (EURASIP J Adv Signal Process 2007:43407) the events are those of a 3-D heart dipole, here
/// projected to I, II and V1–V6 through Dower's matrix; III, aVR, aVL and aVF are formed from I and II exactly as an
/// electrocardiograph does. The dipole is evaluated as the Gaussian sum those models' differential equations
/// integrate to (without their baseline-restoring term), so there is no numerical integration and no drift; each event
/// is cut to compact support, and event times are set in seconds from the QRS (QRS fixed, PR slightly rate-dependent,
/// QT by Fridericia) rather than as fixed phase angles.
/// <para>
/// Streaming: <see cref="Fill"/> continues where the last call stopped, and chunking never changes the samples.
/// Beats are laid down <see cref="LayDownSeconds"/> before their R peak; an <see cref="Update"/> applies to every beat
/// laid down after it (noise and breathing rate at once). Deterministic for a seed; reads no clock.
/// </para>
/// </summary>
public sealed class SyntheticEcg
{
    public const int LeadCount = 12;

    /// <summary>How far before its R peak a beat is fixed: it covers the longest PR plus the R's place in the QRS.</summary>
    public const double LayDownSeconds = 0.25;

    private const int Independent = 8;

    private readonly double samplingRateHz;
    private readonly Random beatRandom;
    private readonly RrTachogram tachogram;
    private readonly FibrillatoryWaves fibrillation;
    private readonly EcgNoise noise;
    private readonly List<EcgBeat> active = [];
    private readonly List<SyntheticBeat> beats = [];
    private readonly List<long> rPeaks = [];
    private readonly double[] leads8 = new double[Independent];
    private readonly Queue<SyntheticBeat> pending = new();
    private double[] stIndependent;
    private double nextRPeak;
    private SyntheticRhythm latestRhythm;
    private long position;

    public SyntheticEcg(SyntheticEcgOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        samplingRateHz = options.SamplingRateHz;

        // Separate streams, both from the seed: the beat stream is consumed per beat and the noise stream per sample,
        // so neither depends on how far ahead beats happen to be laid down.
        beatRandom = new Random(options.Seed);
        var noiseRandom = new Random(unchecked((options.Seed * 7919) + 104729));
        tachogram = new RrTachogram(beatRandom);
        fibrillation = new FibrillatoryWaves(noiseRandom);
        noise = new EcgNoise(noiseRandom);
        stIndependent = StPattern.Independent(options.StElevation);
        StOffsetMillivolts = StPattern.OffsetsMillivolts(options.StElevation);
        latestRhythm = options.Rhythm;
        nextRPeak = LayDownSeconds + 0.05 + (0.5 * beatRandom.NextDouble() * 60 / options.HeartRateBpm);
    }

    /// <summary>I, II, III, aVR, aVL, aVF, V1–V6: the order of the arrays <see cref="Fill"/> writes.</summary>
    public static IReadOnlyList<string> LeadNames { get; } = ["I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"];

    /// <summary>The options in force for beats laid down from now on.</summary>
    public SyntheticEcgOptions Options { get; private set; }

    public double SamplingRateHz => samplingRateHz;

    /// <summary>Samples generated so far per lead; the next <see cref="Fill"/> starts at this sample number.</summary>
    public long SamplesGenerated => position;

    /// <summary>
    /// The true ST deviation (mV) of every lead at J+60 ms against the PR-segment baseline, for beats laid down under
    /// the current options; each <see cref="SyntheticBeat"/> carries the offsets it was drawn with.
    /// </summary>
    public IReadOnlyDictionary<string, double> StOffsetMillivolts { get; private set; }

    /// <summary>Sample numbers of the R peaks generated so far (the peak of the ventricular dipole, where lead II peaks).</summary>
    public IReadOnlyList<long> RPeaks => rPeaks;

    /// <summary>Ground truth of every beat whose R peak has been generated, in order.</summary>
    public IReadOnlyList<SyntheticBeat> Beats => beats;

    /// <summary>
    /// Drops the ground truth of beats whose R peak is before <paramref name="sample"/> from <see cref="RPeaks"/> and
    /// <see cref="Beats"/>, so a simulator running for hours does not keep every beat (the signal is unaffected).
    /// </summary>
    public void ForgetBeatsBefore(long sample)
    {
        var count = 0;
        while (count < beats.Count && beats[count].RPeakSample < sample)
        {
            count++;
        }

        beats.RemoveRange(0, count);
        rPeaks.RemoveRange(0, count);
    }

    /// <summary>Changes rate, rhythm, variability, ST, f-waves, breathing or noise; the sampling rate and seed stay.</summary>
    public void Update(SyntheticEcgOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.SamplingRateHz != samplingRateHz || options.Seed != Options.Seed)
        {
            throw new ArgumentException("The sampling rate and seed are fixed for a generator's life.", nameof(options));
        }

        if (options.StElevation != Options.StElevation)
        {
            stIndependent = StPattern.Independent(options.StElevation);
            StOffsetMillivolts = StPattern.OffsetsMillivolts(options.StElevation);
        }

        Options = options;
    }

    /// <summary>A new buffer of <paramref name="count"/> samples per lead (mV), continuing the stream.</summary>
    public float[][] Next(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var leads = new float[LeadCount][];
        for (var l = 0; l < LeadCount; l++)
        {
            leads[l] = new float[count];
        }

        Fill(leads, count);
        return leads;
    }

    /// <summary>Writes the next <paramref name="count"/> samples (mV) into <c>leads[lead][0..count)</c>.</summary>
    public void Fill(float[][] leads, int count)
    {
        ArgumentNullException.ThrowIfNull(leads);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (leads.Length != LeadCount)
        {
            throw new ArgumentException($"Need {LeadCount} lead arrays.", nameof(leads));
        }

        foreach (var lead in leads)
        {
            if (lead is null || lead.Length < count)
            {
                throw new ArgumentException($"Every lead array needs room for {count} samples.", nameof(leads));
            }
        }

        var (i0, i1, i2, i3, i4, i5) = (leads[0], leads[1], leads[2], leads[3], leads[4], leads[5]);
        for (var i = 0; i < count; i++)
        {
            var t = (position + i) / samplingRateHz;
            while (nextRPeak - LayDownSeconds <= t)
            {
                LayDownBeat();
            }

            while (active.Count > 0 && active[0].TEnd < t)
            {
                active.RemoveAt(0);
            }

            double x = 0, y = 0, z = 0;
            Array.Clear(leads8);
            foreach (var beat in active)
            {
                if (beat.Start > t)
                {
                    break;
                }

                beat.AddDipole(t, ref x, ref y, ref z);
                beat.AddSt(t, leads8);
            }

            fibrillation.Add(t, samplingRateHz, latestRhythm == SyntheticRhythm.AtrialFibrillation, Options.FibrillatoryWaveMillivolts, ref x, ref y, ref z);
            for (var l = 0; l < Independent; l++)
            {
                leads8[l] += (DowerMatrix.X[l] * x) + (DowerMatrix.Y[l] * y) + (DowerMatrix.Z[l] * z);
            }

            noise.Add(samplingRateHz, Options, leads8);

            var leadI = (float)leads8[0];
            var leadII = (float)leads8[1];
            i0[i] = leadI;
            i1[i] = leadII;
            i2[i] = leadII - leadI;
            i3[i] = -(leadI + leadII) / 2;
            i4[i] = leadI - (leadII / 2);
            i5[i] = leadII - (leadI / 2);
            for (var l = 2; l < Independent; l++)
            {
                leads[l + 4][i] = (float)leads8[l];
            }
        }

        position += count;
        while (pending.Count > 0 && pending.Peek().RPeakSample < position)
        {
            var beat = pending.Dequeue();
            beats.Add(beat);
            rPeaks.Add(beat.RPeakSample);
        }
    }

    private void LayDownBeat()
    {
        var options = Options;
        var rPeak = nextRPeak;
        var rr = tachogram.Next(rPeak, options, beatRandom);
        var beat = new EcgBeat(rPeak, rr, options.HeartRateBpm, options.Rhythm, stIndependent, StOffsetMillivolts);
        active.Add(beat);
        latestRhythm = options.Rhythm;
        nextRPeak = rPeak + rr;
        pending.Enqueue(new SyntheticBeat(
            (long)Math.Round(beat.RPeak * samplingRateHz),
            (long)Math.Floor(beat.QrsOnset * samplingRateHz),
            (long)Math.Ceiling(beat.JPoint * samplingRateHz),
            (long)Math.Ceiling(beat.TEnd * samplingRateHz),
            beat.POnset is { } pOn ? (long)Math.Floor(pOn * samplingRateHz) : null,
            beat.PEnd is { } pEnd ? (long)Math.Ceiling(pEnd * samplingRateHz) : null,
            beat.Rhythm,
            beat.StOffsets));
    }
}
