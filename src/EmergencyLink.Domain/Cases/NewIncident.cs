using EmergencyLink.Domain.Geography;

namespace EmergencyLink.Domain.Cases;

/// <summary>What the call-taker knows when the case is opened.</summary>
public sealed record NewIncident(
    GeoPoint Location,
    string Complaint,
    int Priority,
    string? Address = null,
    string? CallerPhone = null,
    string? Notes = null);
