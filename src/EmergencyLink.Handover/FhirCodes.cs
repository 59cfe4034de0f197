using Hl7.Fhir.Model;

namespace EmergencyLink.Handover;

/// <summary>The code systems and codes the handover uses, in one place so a reviewer can check them against the spec.</summary>
internal static class FhirCodes
{
    public const string Loinc = "http://loinc.org";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string Mdc = "urn:oid:2.16.840.1.113883.6.24";
    public const string Rfc3986 = "urn:ietf:rfc:3986";
    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
    public const string ConditionCategory = "http://terminology.hl7.org/CodeSystem/condition-category";
    public const string ConditionClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    public const string ConditionVerification = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    public const string AllergyClinical = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
    public const string AllergyVerification = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";
    public const string ActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public const string ActPriority = "http://terminology.hl7.org/CodeSystem/v3-ActPriority";
    public const string ListEmptyReason = "http://terminology.hl7.org/CodeSystem/list-empty-reason";
    public const string LocationPhysicalType = "http://terminology.hl7.org/CodeSystem/location-physical-type";
    public const string VitalSignsProfile = "http://hl7.org/fhir/StructureDefinition/vitalsigns";

    public static CodeableConcept Concept(string system, string code, string display, string? text = null) =>
        new() { Coding = [new Coding(Clean(system), Clean(code), Clean(display))], Text = text is null ? null : Clean(text) };

    public static CodeableConcept LoincConcept(string code, string display) => Concept(Loinc, code, display);

    public static CodeableConcept TextConcept(string text) => new() { Text = Clean(text) };

    /// <summary>
    /// Free text from the case as a FHIR string: FHIR strings (and XML) allow no control characters other than tab,
    /// CR and LF, no unpaired surrogates and no U+FFFE/U+FFFF, and a stray one from a device keyboard must not make the
    /// whole document unserialisable. Each such character becomes a space. Returns the same instance when there is
    /// nothing to clean, which is nearly always.
    /// </summary>
    public static string Clean(string text)
    {
        var i = 0;
        while (i < text.Length && ValidAt(text, i, out var width))
        {
            i += width;
        }

        if (i == text.Length)
        {
            return text;
        }

        var cleaned = new System.Text.StringBuilder(text.Length);
        cleaned.Append(text, 0, i);
        while (i < text.Length)
        {
            if (ValidAt(text, i, out var width))
            {
                cleaned.Append(text, i, width);
                i += width;
            }
            else
            {
                cleaned.Append(' ');
                i++;
            }
        }

        return cleaned.ToString();
    }

    private static bool ValidAt(string text, int i, out int width)
    {
        var c = text[i];
        width = 1;
        if (char.IsHighSurrogate(c))
        {
            width = 2;
            return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
        }

        return c is '\t' or '\n' or '\r' || (c >= ' ' && !char.IsLowSurrogate(c) && c is not '\uFFFE' and not '\uFFFF');
    }

    public static CodeableConcept ObservationCategoryConcept(string code, string display) => Concept(ObservationCategory, code, display);

    /// <summary>A crew-picked code when there is one, always with the crew's own words as text.</summary>
    public static CodeableConcept FromEntry(Domain.Documentation.ClinicalCode? code, string text) =>
        code is null ? TextConcept(text) : Concept(code.System, code.Code, code.Display, text);

    /// <summary>MDC (ISO/IEEE 11073-10101) codes of the twelve standard leads: MDC_ECG_LEAD_I = 131329 …</summary>
    public static (string Code, string Display)? EcgLead(string lead) => lead.ToUpperInvariant() switch
    {
        "I" => ("131329", "MDC_ECG_LEAD_I"),
        "II" => ("131330", "MDC_ECG_LEAD_II"),
        "V1" => ("131331", "MDC_ECG_LEAD_V1"),
        "V2" => ("131332", "MDC_ECG_LEAD_V2"),
        "V3" => ("131333", "MDC_ECG_LEAD_V3"),
        "V4" => ("131334", "MDC_ECG_LEAD_V4"),
        "V5" => ("131335", "MDC_ECG_LEAD_V5"),
        "V6" => ("131336", "MDC_ECG_LEAD_V6"),
        "III" => ("131389", "MDC_ECG_LEAD_III"),
        "AVR" => ("131390", "MDC_ECG_LEAD_AVR"),
        "AVL" => ("131391", "MDC_ECG_LEAD_AVL"),
        "AVF" => ("131392", "MDC_ECG_LEAD_AVF"),
        _ => null,
    };
}
