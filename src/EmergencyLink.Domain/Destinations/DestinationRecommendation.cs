namespace EmergencyLink.Domain.Destinations;

/// <summary>One ranked destination with the reasons a clinician can check.</summary>
/// <param name="Recommended">False for hospitals listed only for completeness (wrong capability, or diverted while
/// another capable hospital is open); they come after every recommended one.</param>
public sealed record DestinationRecommendation(
    bool Recommended,
    string HospitalId,
    string Name,
    double EtaSeconds,
    double DistanceMeters,
    bool MeetsRequirement,
    bool Diversion,
    int EdBedsFree,
    IReadOnlyList<string> Reasons);
