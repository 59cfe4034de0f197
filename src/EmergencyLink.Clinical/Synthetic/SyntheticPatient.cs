namespace EmergencyLink.Clinical.Synthetic;

/// <summary>
/// A synthetic patient: a 12-lead ECG and 1 Hz vitals bound together, the vitals' heart and breathing rates driving the
/// ECG (which starts at the vitals' starting rates, whatever the ECG options say) and the shown heart rate counted from
/// its R peaks. Generate ECG with <see cref="Ecg"/> (Fill/Next) and read a
/// vitals sample each second with <see cref="NextVitals"/>; the two agree best when the ECG is kept at or ahead of the
/// vitals' time.
/// </summary>
public sealed class SyntheticPatient
{
    public SyntheticPatient(string name, SyntheticEcgOptions ecg, SyntheticVitalsOptions vitals)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(ecg);
        ArgumentNullException.ThrowIfNull(vitals);
        Name = name;
        Ecg = new SyntheticEcg(ecg with { HeartRateBpm = vitals.Start.HeartRate, RespiratoryRatePerMinute = vitals.Start.RespiratoryRate });
        Vitals = new SyntheticVitals(vitals, Ecg);
    }

    public string Name { get; }

    public SyntheticEcg Ecg { get; }

    public SyntheticVitals Vitals { get; }

    public SyntheticVitalsSample NextVitals() => Vitals.Next();
}
