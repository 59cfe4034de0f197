using EmergencyLink.Domain.Dispatch;
using EmergencyLink.Domain.Hospitals;

namespace EmergencyLink.Domain.Destinations;

/// <summary>A hospital as the destination rules see it, with the travel time to it (null: not reachable).</summary>
public sealed record HospitalOption(
    string HospitalId,
    string Name,
    HospitalCapabilities Capabilities,
    bool Diversion,
    int EdBedsFree,
    TravelEstimate? Travel);
