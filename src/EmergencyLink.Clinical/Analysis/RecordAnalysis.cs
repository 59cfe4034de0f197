using EmergencyLink.Clinical.Ecg;
using EmergencyLink.Clinical.St;

namespace EmergencyLink.Clinical.Analysis;

/// <summary>
/// What <see cref="RecordAnalyzer"/> found in one recording. Sample numbers are the record's own (0 = first sample).
/// <see cref="Beats"/> are R peaks of the fused QRS detection over <see cref="QrsLeads"/>; <see cref="HeartRateBpm"/>
/// is the mean over the record (beats − 1 intervals over the time from first to last beat). <see cref="StWindows"/>
/// holds each 10-s window's measurement and <see cref="St"/> the per-lead median over the reliable ones;
/// <see cref="StNote"/> says why ST is missing or partial. <see cref="Stemi"/> is the STEMI criteria applied to the
/// per-lead medians (or, when those do not meet them, to the medians of the first run of
/// <see cref="RecordAnalyzer.SustainedStemiWindows"/> or more consecutive windows that each do), null when they could not be applied (<see cref="StemiNote"/> says why, and also notes an assumed
/// V2-V3 threshold); <see cref="StemiWindowsMet"/> of <see cref="StemiWindowsAssessed"/> windows met them on their own.
/// </summary>
public sealed record RecordAnalysis(
    string RecordName,
    double SamplingRate,
    long SampleCount,
    PatientDetails Patient,
    IReadOnlyList<string> QrsLeads,
    IReadOnlyList<long> Beats,
    double? HeartRateBpm,
    IReadOnlyList<RhythmEpisode> RhythmEpisodes,
    IReadOnlyList<StMeasurement> StWindows,
    IReadOnlyList<LeadStSummary> St,
    string? StNote,
    StemiAssessment? Stemi,
    int StemiWindowsMet,
    int StemiWindowsAssessed,
    string? StemiNote,
    IReadOnlyList<EcgAlert> Alerts)
{
    public double DurationSeconds => SampleCount / SamplingRate;
}
