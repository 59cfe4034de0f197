using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace EmergencyLink.Handover;

/// <summary>
/// JSON and XML for the handover document with Firely 6's serializers (FhirJsonParser is obsolete there). The
/// serializer and deserializer instances are stateless and thread-safe, so one of each is shared.
/// </summary>
public static class HandoverSerializer
{
    private static readonly FhirJsonSerializer Json = new();
    private static readonly FhirXmlSerializer Xml = new();
    // Strict: a document we cannot read back exactly is a bug in the builder, not something to paper over.
    private static readonly FhirJsonDeserializer JsonReader = FhirJsonDeserializer.STRICT;
    private static readonly FhirXmlDeserializer XmlReader = FhirXmlDeserializer.STRICT;

    public static string ToJson(Bundle bundle, bool pretty = false) => Json.SerializeToString(bundle, pretty);

    public static byte[] ToJsonBytes(Bundle bundle) => Json.SerializeToBytes(bundle);

    public static string ToXml(Bundle bundle, bool pretty = false) => Xml.SerializeToString(bundle, pretty);

    public static Bundle FromJson(string json) => JsonReader.Deserialize<Bundle>(json);

    public static Bundle FromXml(string xml) => XmlReader.Deserialize<Bundle>(xml);
}
