namespace EmergencyLink.Clinical.Synthetic;

/// <summary>
/// Ground truth for one generated beat, in sample numbers at the generator's rate. Between
/// <see cref="PWaveEndSample"/> (or, without a P wave, the previous beat's T end) and <see cref="QrsOnsetSample"/>
/// every lead is on baseline; from <see cref="JPointSample"/> to at least J+85 ms each lead sits exactly at its
/// <see cref="StOffsetMillivolts"/> when noise is off (at rates up to 180 bpm; faster, the next P wave may ride on it;
/// in atrial fibrillation the f-waves are superimposed throughout).
/// </summary>
public sealed record SyntheticBeat(
    long RPeakSample,
    long QrsOnsetSample,
    long JPointSample,
    long TEndSample,
    long? PWaveOnsetSample,
    long? PWaveEndSample,
    SyntheticRhythm Rhythm,
    IReadOnlyDictionary<string, double> StOffsetMillivolts);
