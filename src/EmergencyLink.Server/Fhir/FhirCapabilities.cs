using System.Reflection;
using Hl7.Fhir.Model;

namespace EmergencyLink.Server.Fhir;

/// <summary>
/// What this FHIR interface does, and nothing more: it serves handover documents to receiving hospitals, read-only.
/// A receiving system that trusts this statement must never meet an interaction it does not list.
/// </summary>
public static class FhirCapabilities
{
    public static CapabilityStatement Statement(string baseUrl, DateTimeOffset date) => new()
    {
        Status = PublicationStatus.Active,
        Date = date.ToString("yyyy-MM-ddTHH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture),
        Kind = CapabilityStatementKind.Instance,
        Publisher = "EmergencyLink",
        Description = new Markdown("Pre-hospital handover documents (FHIR R4 document Bundles shaped like IHE mPSC) for the "
                                   + "emergency department receiving each patient."),
        Software = new CapabilityStatement.SoftwareComponent
        {
            Name = "EmergencyLink",
            Version = typeof(FhirCapabilities).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev",
        },
        Implementation = new CapabilityStatement.ImplementationComponent { Description = "EmergencyLink FHIR interface", Url = baseUrl },
        FhirVersion = FHIRVersion.N4_0_1,
        Format = ["json", "xml"],
        Rest =
        [
            new CapabilityStatement.RestComponent
            {
                Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                Documentation = new Markdown("Every request needs a bearer token: role ed (the cases sent to its hospital) or admin. "
                                             + "Patient, Encounter and case share one id: the case id."),
                Security = new CapabilityStatement.SecurityComponent
                {
                    Cors = false,
                    Description = new Markdown("JWT bearer tokens (RFC 6750) issued by the EmergencyLink authority; an ED sees only "
                                               + "the cases whose destination is its hospital."),
                },
                Resource =
                [
                    new CapabilityStatement.ResourceComponent
                    {
                        Type = nameof(ResourceType.Bundle),
                        Documentation = new Markdown("The case's current handover document (type document), by case id."),
                        Interaction = [new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read }],
                        Operation =
                        [
                            new CapabilityStatement.OperationComponent
                            {
                                Name = "validate",
                                Definition = "http://hl7.org/fhir/OperationDefinition/Resource-validate",
                                Documentation = new Markdown("GET Bundle/{id}/$validate: the current document checked against base R4 and the profiles it claims."),
                            },
                        ],
                    },
                    Read(ResourceType.Patient, "The patient of a case, by case id; possibly unidentified."),
                    new CapabilityStatement.ResourceComponent
                    {
                        Type = nameof(ResourceType.Observation),
                        Documentation = new Markdown("The vital signs, ECG and scored assessments of a case's current handover document."),
                        Interaction = [new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.SearchType }],
                        SearchParam =
                        [
                            new CapabilityStatement.SearchParamComponent
                            {
                                Name = "encounter",
                                Type = SearchParamType.Reference,
                                Definition = "http://hl7.org/fhir/SearchParameter/clinical-encounter",
                                Documentation = new Markdown("Required: the case id (Encounter/{id} or {id})."),
                            },
                            new CapabilityStatement.SearchParamComponent
                            {
                                Name = "code",
                                Type = SearchParamType.Token,
                                Definition = "http://hl7.org/fhir/SearchParameter/clinical-code",
                                Documentation = new Markdown("code, system|code or |code; several separated by commas."),
                            },
                        ],
                    },
                ],
            },
        ],
    };

    private static CapabilityStatement.ResourceComponent Read(ResourceType type, string documentation) => new()
    {
        Type = type.ToString(),
        Documentation = new Markdown(documentation),
        Interaction = [new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read }],
    };
}
