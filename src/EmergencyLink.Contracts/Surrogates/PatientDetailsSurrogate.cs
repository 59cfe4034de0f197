using EmergencyLink.Domain.Documentation;

namespace EmergencyLink.Contracts.Surrogates;

[GenerateSerializer]
public struct PatientDetailsSurrogate
{
    [Id(0)] public string? Name;
    [Id(1)] public AdministrativeSex Sex;
    [Id(2)] public DateOnly? BirthDate;
    [Id(3)] public int? AgeYears;
    [Id(4)] public bool AgeEstimated;
    [Id(5)] public string? Identifier;
}
