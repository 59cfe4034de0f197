namespace EmergencyLink.Domain.Documentation;

/// <summary>A code from a terminology (SNOMED CT, LOINC, RxNorm, ICD-10), with the text a clinician reads.</summary>
/// <param name="System">The code system's canonical URI, e.g. http://snomed.info/sct.</param>
public sealed record ClinicalCode(string System, string Code, string Display);
