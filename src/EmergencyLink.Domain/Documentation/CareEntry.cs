namespace EmergencyLink.Domain.Documentation;

/// <summary>
/// One stamped piece of the crew's record. Entries are never changed: a correction is a new entry that
/// <see cref="Amends"/> the one it replaces and says why, so the record shows what was known and when.
/// </summary>
/// <param name="Id">Stable within the case: "D1", "D2", … in the order recorded.</param>
/// <param name="At">When it happened (a drug given at 10:42 may be written down at 10:50).</param>
/// <param name="RecordedAt">When the server accepted it.</param>
/// <param name="Author">The authenticated user who recorded it.</param>
/// <param name="Text">What a clinician reads: the complaint, the drug, the procedure, the impression.</param>
/// <param name="Code">The same as a code, when the crew's device picked one.</param>
/// <param name="Value">A score, or a dose.</param>
/// <param name="Unit">The dose's unit (UCUM: mg, ug, mL, …) or null for a score.</param>
/// <param name="Route">How a medication was given (IV, IO, IM, PO, SL, IN, inhaled, …).</param>
/// <param name="Patient">Set for <see cref="CareEntryKind.Patient"/>.</param>
/// <param name="Components">The items of a scored assessment (GCS eye, verbal, motor).</param>
/// <param name="Amends">The id of the entry this one corrects.</param>
/// <param name="Reason">Why the correction was made.</param>
/// <param name="Retracted">True when the correction withdraws the entry (entered in error) rather than replacing it.</param>
public sealed record CareEntry(
    string Id,
    CareEntryKind Kind,
    DateTimeOffset At,
    DateTimeOffset RecordedAt,
    string Author,
    string Text,
    ClinicalCode? Code = null,
    double? Value = null,
    string? Unit = null,
    string? Route = null,
    PatientDetails? Patient = null,
    IReadOnlyList<ScoreComponent>? Components = null,
    string? Amends = null,
    string? Reason = null,
    bool Retracted = false);
