namespace EmergencyLink.Clinical.Scores;

/// <summary>
/// The BE-FAST screen with its evidence and the time since last known well against the reperfusion windows. The window
/// flags are null when last known well is unknown. Being inside a window is a reason to hurry, not a treatment
/// decision: eligibility is for the stroke team after imaging.
/// </summary>
public sealed record StrokeScreen(
    bool IsStrokeSuspected,
    IReadOnlyList<BeFastSign> PositiveSigns,
    DateTimeOffset? LastKnownWell,
    TimeSpan? SinceLastKnownWell,
    bool? WithinThrombolysisWindow,
    bool? WithinThrombectomyWindow,
    IReadOnlyList<string> Findings);
