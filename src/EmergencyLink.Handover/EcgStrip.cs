namespace EmergencyLink.Handover;

/// <summary>A representative ECG strip (typically 10 s of 12 leads at 500 Hz) chosen for the receiving team.</summary>
/// <param name="Leads">Lead names as the monitor labels them: I, II, III, aVR, aVL, aVF, V1 … V6.</param>
/// <param name="Millivolts">One array per lead, in the order of <paramref name="Leads"/>.</param>
/// <param name="Reason">Why this strip was kept ("ST elevation V1–V4"), or null.</param>
public sealed record EcgStrip(DateTimeOffset Start, int SampleRateHz, IReadOnlyList<string> Leads, IReadOnlyList<double[]> Millivolts, string? Reason);
