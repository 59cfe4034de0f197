namespace EmergencyLink.Contracts;

/// <summary>An ED's report of its own state; null fields are left as they are.</summary>
[GenerateSerializer, Immutable]
public sealed record HospitalStatusUpdate(
    [property: Id(0)] bool? Diversion,
    [property: Id(1)] int? EdBedsFree);
