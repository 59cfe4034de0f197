namespace EmergencyLink.Clinical.Ecg;

/// <summary>A rhythm finding from <paramref name="StartSample"/> to <paramref name="EndSample"/> (beat sample numbers).</summary>
public sealed record RhythmEpisode(RhythmKind Rhythm, long StartSample, long EndSample)
{
    public string Code => Rhythm.Code();

    public double DurationSeconds(double samplingRate) => (EndSample - StartSample) / samplingRate;
}
