using Hl7.Fhir.Model;

namespace EmergencyLink.Handover;

/// <summary>
/// What every clinical resource of the document needs: where to add itself, whom and which encounter it is about, and
/// the crew member (by user id) who recorded an entry.
/// </summary>
internal sealed record ClinicalContext(
    DocumentAssembly Doc, HandoverCase Case, ResourceReference Patient, ResourceReference Encounter, IReadOnlyDictionary<string, ResourceReference> Crew)
{
    public ResourceReference? Recorder(Domain.Documentation.CareEntry entry) =>
        Crew.TryGetValue(entry.Author, out var practitioner) ? new ResourceReference(practitioner.Reference) : null;
}
