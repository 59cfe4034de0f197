using EmergencyLink.Clinical.St;

namespace EmergencyLink.Clinical.Live;

/// <summary>Settings of <see cref="EcgMonitor"/>; each default says where it comes from.</summary>
public sealed record EcgMonitorOptions
{
    public static EcgMonitorOptions Default { get; } = new();

    /// <summary>
    /// The patient's sex and age as the case record knows them. Unknown sex means the V2–V3 threshold of men aged 40 or
    /// over (2 mm) is used, as issue 5 asks, and the alert says so.
    /// </summary>
    public PatientSex Sex { get; init; } = PatientSex.Unknown;

    public int? AgeYears { get; init; }

    /// <summary>
    /// Lead names in block order. Null: the standard 12 (I, II, III, aVR, aVL, aVF, V1–V6) for a 12-lead block, and
    /// "lead 1", "lead 2", … otherwise (rhythm is still analysed; STEMI needs standard lead names).
    /// </summary>
    public IReadOnlyList<string>? LeadNames { get; init; }

    /// <summary>
    /// STEMI must be met in this many consecutive 10-s windows before it alerts. One window is the span of a standard
    /// 12-lead ECG, so two consecutive ones confirm the finding on a second, independent ECG 10 s later, as a crew
    /// would repeat a tracing before activating the cath lab: a transient (patient movement, a loose electrode, a
    /// bump in the road shifting the baseline for a few beats) does not hold across 20 s, and the cost is 10 s.
    /// </summary>
    public int StemiConsecutiveWindows { get; init; } = 2;

    /// <summary>
    /// AF must hold this long before it alerts: the ESC 2020/2024 AF guidelines define a clinical AF episode as one
    /// lasting at least 30 s on a single-lead ECG, so shorter irregular runs (ectopy, a burst of artefact) never alert.
    /// </summary>
    public TimeSpan AfHoldFor { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A hole in the stream up to this long (a frame lost or moved to the backfill) is bridged by holding each lead's
    /// last value, so the 10-s windows keep their rhythm; a longer hole (a coverage gap) restarts the analysis, because
    /// RR intervals and ST windows across it would be made up.
    /// </summary>
    public TimeSpan MaxBridgedGap { get; init; } = TimeSpan.FromSeconds(1);
}
