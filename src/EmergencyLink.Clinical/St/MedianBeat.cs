namespace EmergencyLink.Clinical.St;

/// <summary>
/// The window's representative beat per lead (mV, baseline wander removed), in the order of
/// <see cref="StAnalyzer.LeadNames"/>; sample <see cref="RPeakIndex"/> is the aligned R peak.
/// </summary>
public sealed record MedianBeat(int RPeakIndex, double SamplingRateHz, IReadOnlyList<float[]> Leads);
