namespace EmergencyLink.Ehr;

/// <summary>
/// One version of a patient's handover document for one hospital, already serialized as a FHIR R4 document Bundle
/// (<c>application/fhir+json</c>). A version is immutable: (hospital, case, version) names exactly one text.
/// </summary>
/// <param name="HospitalId">The receiving hospital; its EHR endpoint comes from configuration.</param>
/// <param name="CaseId">The case (incident) the document is about.</param>
/// <param name="Version">Increases with every significant update of the case's document, starting at 1.</param>
/// <param name="Reason">Why this version was made (e.g. "pre-alert", "vitals", "divert"); kept for operators.</param>
/// <param name="BundleJson">The document Bundle as JSON text.</param>
public sealed record EhrDocument(string HospitalId, string CaseId, int Version, string Reason, string BundleJson);
