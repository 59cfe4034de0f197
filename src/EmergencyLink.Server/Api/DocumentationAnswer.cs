using EmergencyLink.Domain.Documentation;

namespace EmergencyLink.Server.Api;

/// <summary>
/// The crew's record: the patient and the entries as they stand now (corrections in place, withdrawn entries left out),
/// and every entry ever written, originals included, for the medico-legal record.
/// </summary>
public sealed record DocumentationAnswer(PatientDetails? Patient, IReadOnlyList<CareEntry> Current, IReadOnlyList<CareEntry> All);
