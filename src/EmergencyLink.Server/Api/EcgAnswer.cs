namespace EmergencyLink.Server.Api;

/// <summary>Archived ECG of a case between two capture times, as hole-free segments.</summary>
public sealed record EcgAnswer(
    string CaseId,
    int SampleRateHz,
    double MicrovoltsPerUnit,
    IReadOnlyList<string> Leads,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<EcgSegment> Segments);
