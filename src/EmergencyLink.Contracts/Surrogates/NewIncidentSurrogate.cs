using EmergencyLink.Domain.Geography;

namespace EmergencyLink.Contracts.Surrogates;

[GenerateSerializer]
public struct NewIncidentSurrogate
{
    [Id(0)] public GeoPoint Location;
    [Id(1)] public string Complaint;
    [Id(2)] public int Priority;
    [Id(3)] public string? Address;
    [Id(4)] public string? CallerPhone;
    [Id(5)] public string? Notes;
}
