namespace EmergencyLink.Clinical.Analysis;

/// <summary>
/// One lead's ST over a recording: the median over the reliable windows of the ST at J+60 ms and at the J point
/// (mV, against the PR baseline), how many windows gave each, and whether the lead was noisy in most of them.
/// <see cref="JPointMillivolts"/> is null when no reliable window had a clear J point.
/// </summary>
public sealed record LeadStSummary(
    string Lead,
    double J60Millivolts,
    double? JPointMillivolts,
    int Windows,
    int JPointWindows,
    bool IsNoisy,
    bool IsJPointNoisy = false);
