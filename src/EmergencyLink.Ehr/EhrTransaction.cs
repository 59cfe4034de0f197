using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace EmergencyLink.Ehr;

/// <summary>
/// Transaction mode: the document Bundle as the one entry of a transaction Bundle, POSTed to the server's base, for
/// receivers that take writes only as transactions. Built with the Firely SDK, reading the document strictly: a
/// document it cannot read back exactly is refused rather than passed on altered.
/// </summary>
internal static class EhrTransaction
{
    private static readonly FhirJsonDeserializer Reader = FhirJsonDeserializer.STRICT;
    private static readonly FhirJsonSerializer Writer = new();

    /// <summary>The transaction Bundle's JSON; the entry's <c>ifNoneExist</c> makes a resend create nothing new.</summary>
    /// <exception cref="ArgumentException">The text is not a FHIR R4 Bundle the SDK reads strictly.</exception>
    public static string Wrap(string documentJson)
    {
        var transaction = new Bundle
        {
            Type = Bundle.BundleType.Transaction,
            Entry =
            [
                new Bundle.EntryComponent
                {
                    Resource = Read(documentJson),
                    Request = new Bundle.RequestComponent
                    {
                        Method = Bundle.HTTPVerb.POST,
                        Url = "Bundle",
                        IfNoneExist = BundleText.ConditionalCreateQuery(documentJson),
                    },
                },
            ],
        };
        return Writer.SerializeToString(transaction);
    }

    /// <exception cref="ArgumentException">The text is not a FHIR R4 Bundle the SDK reads strictly.</exception>
    public static Bundle Read(string documentJson)
    {
        try
        {
            return Reader.Deserialize<Bundle>(documentJson);
        }
        catch (Exception e) when (e is DeserializationFailedException or JsonException or FormatException)
        {
            throw new ArgumentException("The document is not a FHIR R4 Bundle that can be wrapped in a transaction: " + e.Message, nameof(documentJson), e);
        }
    }
}
