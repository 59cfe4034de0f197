using Hl7.Fhir.Model;

namespace EmergencyLink.Handover;

/// <summary>
/// The bundle under construction. Every entry gets a urn:uuid fullUrl derived from the case id and a key naming the
/// resource, and every reference points at one of those: a document must be readable with nothing but itself.
/// </summary>
internal sealed class DocumentAssembly(string caseId, Bundle bundle)
{
    public Bundle Bundle { get; } = bundle;

    public ResourceReference Add(Resource resource, string key)
    {
        var fullUrl = DeterministicUuid.Urn(caseId + "/" + key);
        Bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = fullUrl, Resource = resource });
        return new ResourceReference(fullUrl);
    }
}
