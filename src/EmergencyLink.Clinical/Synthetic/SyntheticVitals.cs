namespace EmergencyLink.Clinical.Synthetic;

/// <summary>
/// Vital signs at 1 Hz that follow a trajectory (stable, deteriorating, improving: an exponential approach from the
/// start to the target) with mean-reverting physiological variation, bounded to plausible ranges and rounded as a
/// monitor displays them. NIBP is a cuff reading every <see cref="SyntheticVitalsOptions.NibpIntervalSeconds"/>
/// (null in between), its mean the usual diastolic + a third of the pulse pressure.
/// <para>
/// Given a <see cref="SyntheticEcg"/>, the patient's heart and breathing rates drive it (each second's values become
/// its rate and breathing for the beats that follow) and the heart rate shown is counted from its R peaks, as a
/// monitor counts it, so the two agree. Deterministic for a seed; time is the count of readings, not a clock.
/// </para>
/// </summary>
public sealed class SyntheticVitals
{
    // Plausible bounds of a living, monitored adult (beyond them a monitor alarms on artefact or the patient arrests).
    private static readonly VitalsState Lowest = new(25, 60, 50, 25, 4, 8, 33);
    private static readonly VitalsState Highest = new(220, 100, 250, 150, 60, 80, 42);

    // Monitors count the rate over the last several beats.
    private const int BeatsAveraged = 8;
    private const double CuffErrorMmHg = 2;

    private readonly SyntheticVitalsOptions options;
    private readonly VitalsState target;
    private readonly SyntheticEcg? ecg;
    private readonly Random random;
    private readonly OrnsteinUhlenbeck heartRate = new(2.0, 30);
    private readonly OrnsteinUhlenbeck spo2 = new(0.7, 20);
    private readonly OrnsteinUhlenbeck systolic = new(4.0, 120);
    private readonly OrnsteinUhlenbeck diastolic = new(3.0, 120);
    private readonly OrnsteinUhlenbeck respiratory = new(1.2, 30);
    private readonly OrnsteinUhlenbeck etco2 = new(1.0, 40);
    private readonly OrnsteinUhlenbeck temperature = new(0.05, 300);
    private long seconds;

    public SyntheticVitals(SyntheticVitalsOptions options, SyntheticEcg? ecg = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
        this.ecg = ecg;
        target = options.EffectiveTarget;
        random = new Random(options.Seed);
    }

    public SyntheticVitalsOptions Options => options;

    /// <summary>The underlying (unrounded, noise-free) trajectory at <paramref name="elapsedSeconds"/>.</summary>
    public VitalsState TrajectoryAt(double elapsedSeconds)
    {
        var w = Math.Exp(-elapsedSeconds / options.TimeConstantSeconds);
        double Mix(double start, double end) => end + ((start - end) * w);
        var s = options.Start;
        return new VitalsState(
            Mix(s.HeartRate, target.HeartRate),
            Mix(s.SpO2, target.SpO2),
            Mix(s.SystolicMmHg, target.SystolicMmHg),
            Mix(s.DiastolicMmHg, target.DiastolicMmHg),
            Mix(s.RespiratoryRate, target.RespiratoryRate),
            Mix(s.EtCO2MmHg, target.EtCO2MmHg),
            Mix(s.TemperatureC, target.TemperatureC));
    }

    /// <summary>The reading for the next second (the first is at 0 s).</summary>
    public SyntheticVitalsSample Next()
    {
        var t = (double)seconds++;
        var path = TrajectoryAt(t);
        var k = options.NoiseScale;
        var hr = Bound(path.HeartRate + heartRate.Next(random, k), Lowest.HeartRate, Math.Min(Highest.HeartRate, SyntheticEcgOptions.MaximumHeartRateBpm));
        var sat = Bound(path.SpO2 + spo2.Next(random, k), Lowest.SpO2, Highest.SpO2);
        var sys = Bound(path.SystolicMmHg + systolic.Next(random, k), Lowest.SystolicMmHg, Highest.SystolicMmHg);
        var dia = Bound(path.DiastolicMmHg + diastolic.Next(random, k), Lowest.DiastolicMmHg, Math.Min(Highest.DiastolicMmHg, sys - 15));
        var rr = Bound(path.RespiratoryRate + respiratory.Next(random, k), Lowest.RespiratoryRate, Highest.RespiratoryRate);
        var co2 = Bound(path.EtCO2MmHg + etco2.Next(random, k), Lowest.EtCO2MmHg, Highest.EtCO2MmHg);
        var temp = Bound(path.TemperatureC + temperature.Next(random, k), Lowest.TemperatureC, Highest.TemperatureC);

        double? cuffSys = null, cuffDia = null, cuffMean = null;
        if ((long)t % options.NibpIntervalSeconds == 0)
        {
            var s = Math.Round(Bound(sys + (CuffErrorMmHg * k * Gaussian.Next(random)), Lowest.SystolicMmHg, Highest.SystolicMmHg));
            var d = Math.Round(Bound(dia + (CuffErrorMmHg * k * Gaussian.Next(random)), Lowest.DiastolicMmHg, s - 15));
            (cuffSys, cuffDia, cuffMean) = (s, d, Math.Round(d + ((s - d) / 3)));
        }

        var shownRate = Math.Round(hr);
        if (ecg is not null)
        {
            Drive(ecg, hr, rr);
            shownRate = CountedRate(ecg, t) ?? shownRate;
        }

        return new SyntheticVitalsSample(
            t, shownRate, Math.Round(sat), cuffSys, cuffDia, cuffMean, Math.Round(rr), Math.Round(co2), Math.Round(temp, 1));
    }

    private static void Drive(SyntheticEcg ecg, double heartRate, double respiratoryRate)
    {
        var current = ecg.Options;
        var bpm = Math.Clamp(heartRate, SyntheticEcgOptions.MinimumHeartRateBpm, SyntheticEcgOptions.MaximumHeartRateBpm);
        var breaths = Math.Clamp(respiratoryRate, 4, 60);
        if (Math.Abs(current.HeartRateBpm - bpm) >= 0.1 || Math.Abs(current.RespiratoryRatePerMinute - breaths) >= 0.1)
        {
            ecg.Update(current with { HeartRateBpm = bpm, RespiratoryRatePerMinute = breaths });
        }
    }

    /// <summary>The rate over the last beats of the ECG up to this second, or null before there are two.</summary>
    private static double? CountedRate(SyntheticEcg ecg, double elapsedSeconds)
    {
        var peaks = ecg.RPeaks;
        var limit = (long)Math.Floor(elapsedSeconds * ecg.SamplingRateHz);
        var last = peaks.Count - 1;
        while (last >= 0 && peaks[last] > limit)
        {
            last--;
        }

        var first = Math.Max(0, last - BeatsAveraged);
        if (last - first < 1)
        {
            return null;
        }

        var seconds = (peaks[last] - peaks[first]) / ecg.SamplingRateHz;
        return Math.Round(60 * (last - first) / seconds);
    }

    private static double Bound(double value, double lowest, double highest) => Math.Clamp(value, lowest, Math.Max(lowest, highest));
}
