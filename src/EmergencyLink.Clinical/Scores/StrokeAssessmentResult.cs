namespace EmergencyLink.Clinical.Scores;

/// <summary>
/// The stroke screen and every LVO scale entered. <see cref="IsLvoSuspected"/> is null when no scale was entered, and
/// true when any entered scale reaches its threshold: a missed occlusion costs a thrombectomy, a false alarm a longer
/// drive, so disagreement between scales is resolved towards suspicion and both verdicts are shown.
/// </summary>
public sealed record StrokeAssessmentResult(StrokeScreen Screen, IReadOnlyList<LvoScaleResult> LvoScales)
{
    public bool? IsLvoSuspected => LvoScales.Count == 0 ? null : LvoScales.Any(s => s.SuggestsLvo);

    public IReadOnlyList<string> Evidence =>
        [.. Screen.Findings, .. LvoScales.Select(s => s.Evidence)];
}
