using Hl7.Fhir.Model;

namespace EmergencyLink.Handover;

/// <summary>What every clinical resource of the document needs: where to add itself, and whom and which encounter it is about.</summary>
internal sealed record ClinicalContext(DocumentAssembly Doc, HandoverCase Case, ResourceReference Patient, ResourceReference Encounter);
