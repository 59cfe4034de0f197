namespace EmergencyLink.Clinical.Ecg;

/// <summary>Thresholds of <see cref="RhythmAnalyzer"/>; the defaults and their sources are documented per member.</summary>
public sealed record RhythmOptions
{
    /// <summary>
    /// Conventional adult limits: sinus bradycardia below 60/min, tachycardia above 100/min (AHA/ACC; the 2018
    /// ACC/AHA/HRS bradycardia guideline, Kusumoto et al., Circulation 2019;140:e382, notes 50/min as an alternative).
    /// </summary>
    public double BradycardiaBpm { get; init; } = 60;

    public double TachycardiaBpm { get; init; } = 100;

    /// <summary>Heart rate = 60 / median of the last 8 RR intervals, so one ectopic beat and its pause do not move it.</summary>
    public int HeartRateBeats { get; init; } = 8;

    /// <summary>Brady-/tachycardia must hold this long before it is an episode (a monitor-style alarm delay, our choice).</summary>
    public double SustainedSeconds { get; init; } = 10;

    /// <summary>
    /// A pause is an RR interval of at least 3 s: the 2018 ACC/AHA/HRS bradycardia guideline treats pauses over 3 s
    /// as the clinically significant ones (2 s is a common Holter reporting level; set it here if wanted).
    /// </summary>
    public double PauseSeconds { get; init; } = 3.0;

    /// <summary>AF is judged on windows of 16 RR intervals (about 8-15 s), centred on each beat.</summary>
    public int AfWindowIntervals { get; init; } = 16;

    /// <summary>
    /// AF when the ectopy-robust normalised RMSSD exceeds 0.1: the RMSSD/mean-RR threshold of Dash et al. (Ann Biomed
    /// Eng 2009;37:1701-1709), with RMSSD estimated as 1.4826 × median |ΔRR| and mean RR as the median RR, so up to
    /// seven of the fifteen successive differences (isolated ectopic beats) cannot make a window irregular.
    /// </summary>
    public double AfIrregularityThreshold { get; init; } = 0.1;

    /// <summary>
    /// A window is not AF when its RR intervals turn direction more often than a patternless series would (more than
    /// 2 SD above the expected turning-point count; 3 SD once in AF): bigeminy alternates at every beat.
    /// </summary>
    public bool RejectPatternedIrregularity { get; init; } = true;

    /// <summary>
    /// An irregular window is not AF when premature beats on a regular rhythm explain it by their timing (compensatory
    /// pause, couplet, sinus reset, a missed beat; see <see cref="EctopicIntervals"/>) and leave that regular rhythm
    /// underneath: bigeminy, trigeminy and frequent couplets are regularly irregular, AF is irregularly irregular.
    /// Costs about 2 s more delay (3 more intervals) before a beat is labelled.
    /// </summary>
    public bool ExplainEctopicBeats { get; init; } = true;

    /// <summary>CPSC 2021 scores AF episodes of at least 5 beats; shorter runs are dropped.</summary>
    public int AfMinimumBeats { get; init; } = 5;

    /// <summary>AF runs separated by at most 8 beats (half a window) are one episode.</summary>
    public int AfMergeGapBeats { get; init; } = 8;

    /// <summary>A recording with AF over at least 90 % of its beats' span is persistent AF.</summary>
    public double PersistentAfFraction { get; init; } = 0.9;
}
