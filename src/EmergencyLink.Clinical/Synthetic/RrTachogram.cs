namespace EmergencyLink.Clinical.Synthetic;

/// <summary>
/// The RR interval of each new beat. Sinus: ECGSYN's bimodal tachogram spectrum (McSharry et al., IEEE TBME
/// 2003;50:289) — a Mayer-wave peak at 0.1 Hz and a respiratory sinus arrhythmia peak at the breathing rate, each
/// 0.01 Hz wide — realised as a sum of sinusoids with random frequencies drawn from each peak and random phases (what
/// ECGSYN's inverse FFT with random phases amounts to), but open-ended so it streams, sampled at the beat times.
/// AF: independent draws, so the intervals are irregularly irregular with no autocorrelation.
/// </summary>
internal sealed class RrTachogram
{
    private const int PerBand = 8;
    private const double MayerHz = 0.1;
    private const double PeakWidthHz = 0.01;

    // A coefficient of variation of 0.2 is typical of AF's ventricular response and many times that of sinus rhythm
    // at rest (a few per cent), which is what RR-irregularity AF detectors key on (e.g. Tateno & Glass, Med Biol Eng
    // Comput 2001;39:664).
    private const double AfCoefficientOfVariation = 0.2;
    private const double AfTruncation = 2.2;

    // Shortest cycles: an AV node will not conduct much faster than ~215 bpm, and the cycle's T wave must end first.
    private const double ShortestAfRr = 0.28;
    private const double ShortestSinusRr = 0.27;

    private readonly double[] lfHz = new double[PerBand];
    private readonly double[] lfPhase = new double[PerBand];
    private readonly double[] hfOffsetHz = new double[PerBand];
    private readonly double[] hfPhase = new double[PerBand];
    private double lastTime;

    public RrTachogram(Random random)
    {
        for (var i = 0; i < PerBand; i++)
        {
            lfHz[i] = MayerHz + (PeakWidthHz * Gaussian.Next(random));
            lfPhase[i] = 2 * Math.PI * random.NextDouble();
            hfOffsetHz[i] = PeakWidthHz * Gaussian.Next(random);
            hfPhase[i] = 2 * Math.PI * random.NextDouble();
        }
    }

    /// <summary>The RR interval (s) that starts with the beat whose R peak is at <paramref name="time"/>.</summary>
    public double Next(double time, SyntheticEcgOptions options, Random random)
    {
        var dt = time - lastTime;
        lastTime = time;
        var respiratoryHz = options.RespiratoryRatePerMinute / 60;
        var lf = 0.0;
        var hf = 0.0;
        for (var i = 0; i < PerBand; i++)
        {
            // Phases advance with the frequencies in force, so a change of breathing rate bends the RSA smoothly.
            lfPhase[i] = (lfPhase[i] + (2 * Math.PI * lfHz[i] * dt)) % (2 * Math.PI);
            hfPhase[i] = (hfPhase[i] + (2 * Math.PI * (respiratoryHz + hfOffsetHz[i]) * dt)) % (2 * Math.PI);
            lf += Math.Sin(lfPhase[i]);
            hf += Math.Sin(hfPhase[i]);
        }

        if (options.Rhythm == SyntheticRhythm.AtrialFibrillation)
        {
            double z;
            do
            {
                z = Gaussian.Next(random);
            }
            while (Math.Abs(z) > AfTruncation);

            return Math.Max(ShortestAfRr, 60 / options.HeartRateBpm * (1 + (AfCoefficientOfVariation * z)));
        }

        // The variation modulates the instantaneous rate, not the interval (integral pulse frequency modulation): the
        // beats in a stretch then count the mean rate, whereas modulating RR and sampling it at the beats over-counts
        // the short intervals and reads fast by about (SDNN/RR)². Each sinusoid carries variance a²/2; the LF/HF ratio
        // splits SDNN² between the bands, converted to a rate deviation by dRR = −(60/HR²)·dHR.
        var lfShare = options.LfHfRatio / (1 + options.LfHfRatio);
        var unit = Math.Sqrt(2.0 / PerBand);
        var variation = unit * ((Math.Sqrt(lfShare) * lf) + (Math.Sqrt(1 - lfShare) * hf));
        var bpm = options.HeartRateBpm;
        var rateDeviation = options.HeartRateVariabilityMs / 1000 * bpm * bpm / 60 * variation;
        var rate = Math.Clamp(bpm + rateDeviation, 0.75 * bpm, 1.3 * bpm);
        return Math.Max(ShortestSinusRr, 60 / rate);
    }
}
