namespace EmergencyLink.Server.Fhir;

/// <summary>The two FHIR wire formats the interface speaks.</summary>
public enum FhirFormat
{
    Json,
    Xml,
}
