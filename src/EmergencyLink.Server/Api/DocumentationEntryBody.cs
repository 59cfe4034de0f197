namespace EmergencyLink.Server.Api;

/// <summary>
/// One entry of the crew's record. <c>kind</c> is one of the documentation kinds (Patient, ChiefComplaint, History,
/// Allergy, Medication, Assessment, Treatment, MedicationGiven, Impression, Note); <c>at</c> is when it happened
/// (default: now).
/// </summary>
public sealed record DocumentationEntryBody(
    string? Kind,
    string? Text,
    DateTimeOffset? At,
    ClinicalCodeBody? Code,
    double? Value,
    string? Unit,
    string? Route,
    PatientBody? Patient,
    IReadOnlyList<ScoreComponentBody>? Components);
