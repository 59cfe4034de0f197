namespace EmergencyLink.Domain.Documentation;

/// <summary>Sex as recorded for administration (FHIR's administrative-gender). Names are the API's names.</summary>
public enum AdministrativeSex
{
    Unknown,
    Male,
    Female,
    Other,
}
