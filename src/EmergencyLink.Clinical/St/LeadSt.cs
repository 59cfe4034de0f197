namespace EmergencyLink.Clinical.St;

/// <summary>
/// One lead's ST deviation on the window's median beat, relative to its PR baseline.
/// <see cref="StMillivolts"/> is taken at J + <see cref="StAnalyzerOptions.StOffsetMilliseconds"/> (60 ms),
/// <see cref="JPointMillivolts"/> at the J point itself; null when the window has no clear end of QRS.
/// <see cref="NoiseMillivolts"/> is the estimated standard error of <see cref="StMillivolts"/> from the
/// beat-to-beat spread; a lead with <see cref="IsNoisy"/> must not count towards any criterion.
/// </summary>
public sealed record LeadSt(string Lead, double StMillivolts, double? JPointMillivolts, double NoiseMillivolts, bool IsNoisy);
