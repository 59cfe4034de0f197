namespace EmergencyLink.Ehr.Tests;

/// <summary>Minimal document Bundles: the push passes them through and reads only their identifier.</summary>
internal static class Bundles
{
    public static string Document(string caseId, int version) =>
        $$$"""{"resourceType":"Bundle","type":"document","identifier":{"system":"urn:ietf:rfc:3986","value":"urn:emergencylink:handover:{{{caseId}}}:{{{version}}}"}}""";

    public static EhrDocument For(string hospitalId, string caseId, int version, string reason = "update") =>
        new(hospitalId, caseId, version, reason, Document(caseId, version));
}
