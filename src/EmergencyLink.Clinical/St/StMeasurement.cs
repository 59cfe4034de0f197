namespace EmergencyLink.Clinical.St;

/// <summary>
/// The ST measurement of one window [<see cref="WindowStartSample"/>, <see cref="WindowEndSample"/>) of a recording
/// or stream. <see cref="QrsOnsetMs"/> and <see cref="JPointMs"/> are offsets from the median beat's R peak (onset
/// negative); both are null, and <see cref="Leads"/> empty, when no median beat could be formed.
/// <see cref="BeatsInWindow"/> counts the beats whose whole analysis segment lies in the window,
/// <see cref="BeatsUsed"/> those left after excluding ectopic and premature beats.
/// </summary>
public sealed record StMeasurement(
    long WindowStartSample,
    long WindowEndSample,
    double SamplingRateHz,
    IReadOnlyList<LeadSt> Leads,
    int BeatsInWindow,
    int BeatsUsed,
    double? HeartRateBpm,
    double? QrsOnsetMs,
    double? JPointMs,
    double StOffsetMs,
    StQuality Quality,
    MedianBeat? MedianBeat)
{
    public bool IsReliable => Quality == StQuality.Good;

    public double? QrsDurationMs => JPointMs - QrsOnsetMs;

    /// <summary>The lead of that name (any case), or null if it was not recorded.</summary>
    public LeadSt? Lead(string name)
    {
        var canonical = StandardLeads.Canonical(name);
        foreach (var lead in Leads)
        {
            if (string.Equals(lead.Lead, canonical, StringComparison.OrdinalIgnoreCase))
            {
                return lead;
            }
        }

        return null;
    }

    public LeadSt? Lead(StandardLead lead) => Lead(StandardLeads.Name(lead));
}
