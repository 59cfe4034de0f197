namespace EmergencyLink.Clinical.St;

/// <summary>
/// One lead's ST deviation on the window's median beat, relative to its PR baseline.
/// <see cref="StMillivolts"/> is taken at J + <see cref="StAnalyzerOptions.StOffsetMilliseconds"/> (60 ms, mean over
/// ±10 ms), <see cref="JPointMillivolts"/> at the J point itself (mean over the 10 ms from it); null when the window
/// has no clear end of QRS. <see cref="NoiseMillivolts"/> and <see cref="JPointNoiseMillivolts"/> are the estimated
/// standard errors of the two from the beat-to-beat spread; a lead with <see cref="IsNoisy"/> must not count towards
/// any criterion, one with <see cref="IsJPointNoisy"/> not towards a criterion read at the J point.
/// </summary>
public sealed record LeadSt(
    string Lead,
    double StMillivolts,
    double? JPointMillivolts,
    double NoiseMillivolts,
    bool IsNoisy,
    double? JPointNoiseMillivolts = null,
    bool IsJPointNoisy = false);
