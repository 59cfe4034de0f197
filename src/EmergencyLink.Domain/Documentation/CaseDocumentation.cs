using System.Globalization;
using EmergencyLink.Domain.Cases;

namespace EmergencyLink.Domain.Documentation;

/// <summary>
/// The rules for the crew's record: what a valid entry is, how it is stamped, and how a correction keeps the original
/// (amend, never overwrite). Every entry and correction is also a timeline step.
/// </summary>
public static class CaseDocumentation
{
    public const int MaxTextLength = 500;
    public const int MaxNameLength = 200;
    public const int MaxEntries = 2_000;
    public const int MaxComponents = 20;
    public const int MaxAgeYears = 130;

    /// <summary>A device clock a little ahead of the server's is not an error; a time further ahead is.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(2);

    /// <summary>Medications taken and events before the call are history, not this case: at most a day before it opened.</summary>
    public static readonly TimeSpan EarliestBeforeCase = TimeSpan.FromDays(1);

    /// <summary>Problems with the entry, by field name; empty when it can be recorded.</summary>
    public static IReadOnlyDictionary<string, string> Validate(NewCareEntry entry, DateTimeOffset caseCreatedAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(entry.Kind))
        {
            errors["kind"] = "Unknown kind.";
        }

        if (string.IsNullOrWhiteSpace(entry.Text))
        {
            errors["text"] = "text is required: what a clinician reads.";
        }
        else if (entry.Text.Length > MaxTextLength)
        {
            errors["text"] = $"text is longer than {MaxTextLength} characters.";
        }

        if (entry.At is { } at)
        {
            if (at > now + FutureTolerance)
            {
                errors["at"] = "at is in the future.";
            }
            else if (at < caseCreatedAt - EarliestBeforeCase)
            {
                errors["at"] = "at is more than a day before the case opened.";
            }
        }

        if (entry.Value is { } value && !double.IsFinite(value))
        {
            errors["value"] = "value must be a finite number.";
        }

        if (entry.Code is { } code)
        {
            ValidateCode(code, "code", errors);
        }

        if (entry.Kind == CareEntryKind.Patient)
        {
            if (entry.Patient is null)
            {
                errors["patient"] = "A patient entry needs patient details (sex at least; name null if unknown).";
            }
            else
            {
                ValidatePatient(entry.Patient, now, errors);
            }
        }
        else if (entry.Patient is not null)
        {
            errors["patient"] = "Only a patient entry carries patient details.";
        }

        if (entry.Kind == CareEntryKind.MedicationGiven)
        {
            // A dose without amount, unit or route is not a medication record a receiving team can act on.
            if (entry.Value is not > 0)
            {
                errors["value"] = "A medication given needs its dose (value > 0).";
            }

            if (string.IsNullOrWhiteSpace(entry.Unit))
            {
                errors["unit"] = "A medication given needs the dose's unit (mg, ug, mL, …).";
            }

            if (string.IsNullOrWhiteSpace(entry.Route))
            {
                errors["route"] = "A medication given needs its route (IV, IO, IM, PO, SL, IN, inhaled, …).";
            }
        }

        if (entry.Kind == CareEntryKind.Assessment && entry.Value is null && entry.Components is not { Count: > 0 })
        {
            errors["value"] = "An assessment needs its score (value) or its items (components).";
        }

        if (entry.Unit is { Length: > 20 })
        {
            errors["unit"] = "unit is longer than 20 characters.";
        }

        if (entry.Route is { Length: > 40 })
        {
            errors["route"] = "route is longer than 40 characters.";
        }

        if (entry.Components is { } components)
        {
            if (components.Count > MaxComponents)
            {
                errors["components"] = $"At most {MaxComponents} components.";
            }

            for (var i = 0; i < components.Count && i < MaxComponents; i++)
            {
                var c = components[i];
                if (c is null || string.IsNullOrWhiteSpace(c.Name) || c.Name.Length > MaxNameLength)
                {
                    errors[$"components[{i}].name"] = "Each component needs a name.";
                }
                else if (c.Value is < 0 or > 1000)
                {
                    errors[$"components[{i}].value"] = "A component's value is between 0 and 1000.";
                }
                else if (c.Code is { } componentCode)
                {
                    ValidateCode(componentCode, $"components[{i}].code", errors);
                }
            }
        }

        return errors;
    }

    /// <summary>Stamps and appends a valid entry (see <see cref="Validate"/>); the caller checked it.</summary>
    public static DocumentationOutcome Record(IncidentRecord record, NewCareEntry entry, string actor, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (Refuse(record, entry, now) is { } refusal)
        {
            return refusal;
        }

        var recorded = Stamp(record, entry, actor, now, amends: null, reason: null, retracted: false);
        record.Timeline.Add(new TimelineEntry(record.Timeline.Count + 1, now, actor, null, record.State, record.State,
            $"{recorded.Id} {recorded.Kind}: {Summary(recorded)}", TimelineEvent.Documented));
        return new DocumentationOutcome(recorded, null);
    }

    /// <summary>
    /// Records a correction of entry <paramref name="entryId"/>: a replacement of the same kind, or with
    /// <paramref name="retract"/> a withdrawal (entered in error). Only the current version of an entry can be amended,
    /// so two crew members correcting the same entry at once cannot both win silently.
    /// </summary>
    public static DocumentationOutcome Amend(
        IncidentRecord record, string entryId, NewCareEntry? replacement, bool retract, string reason, string actor, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var original = record.Documentation.Find(e => e.Id == entryId);
        if (original is null)
        {
            return DocumentationOutcome.Refused(DocumentationRefusal.NotFound, $"Case {record.Id} has no documentation entry {entryId}.");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxTextLength)
        {
            return DocumentationOutcome.Refused(DocumentationRefusal.Invalid, $"A correction needs its reason (at most {MaxTextLength} characters).");
        }

        if (record.Documentation.Find(e => e.Amends == entryId) is { } later)
        {
            return DocumentationOutcome.Refused(DocumentationRefusal.Conflict, $"Entry {entryId} was already amended by {later.Id}; amend {later.Id} instead.");
        }

        if (original.Retracted)
        {
            return DocumentationOutcome.Refused(DocumentationRefusal.Conflict, $"Entry {entryId} withdraws an entry; it cannot be amended.");
        }

        NewCareEntry content;
        if (retract)
        {
            content = new NewCareEntry(original.Kind, original.Text, original.At, original.Code, original.Value, original.Unit,
                original.Route, original.Patient, original.Components);
        }
        else if (replacement is null)
        {
            return DocumentationOutcome.Refused(DocumentationRefusal.Invalid, "A correction needs the corrected entry, or retract.");
        }
        else if (replacement.Kind != original.Kind)
        {
            return DocumentationOutcome.Refused(DocumentationRefusal.Invalid, $"Entry {entryId} is a {original.Kind} entry; its correction must be one too.");
        }
        else
        {
            content = replacement;
        }

        if (Refuse(record, content, now) is { } refusal)
        {
            return refusal;
        }

        var amended = Stamp(record, content, actor, now, entryId, reason, retract);
        record.Timeline.Add(new TimelineEntry(record.Timeline.Count + 1, now, actor, null, record.State, record.State,
            retract
                ? $"{amended.Id} withdraws {entryId} ({reason})"
                : $"{amended.Id} corrects {entryId} ({reason}): {Summary(amended)}",
            TimelineEvent.DocumentationAmended));
        return new DocumentationOutcome(amended, null);
    }

    /// <summary>
    /// The record as it stands: the latest version of every entry, withdrawn ones left out, in the order the entries
    /// were first written (a correction takes its original's place).
    /// </summary>
    public static IReadOnlyList<CareEntry> Current(IReadOnlyList<CareEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var latest = new Dictionary<string, CareEntry>();
        var root = new Dictionary<string, string>();
        var order = new List<string>();
        foreach (var entry in entries)
        {
            var origin = entry.Amends is { } amended && root.TryGetValue(amended, out var r) ? r : entry.Id;
            root[entry.Id] = origin;
            if (origin == entry.Id)
            {
                order.Add(origin);
            }

            latest[origin] = entry;
        }

        return order.Select(id => latest[id]).Where(e => !e.Retracted).ToArray();
    }

    /// <summary>Who the patient is according to the latest current patient entry, or null if none was recorded.</summary>
    public static PatientDetails? CurrentPatient(IReadOnlyList<CareEntry> entries) =>
        Current(entries).LastOrDefault(e => e.Kind == CareEntryKind.Patient)?.Patient;

    /// <summary>The entry in words for the timeline: "aspirin 300 mg PO", "GCS 14", "unknown male, about 60".</summary>
    public static string Summary(CareEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = entry.Kind switch
        {
            CareEntryKind.Patient when entry.Patient is { } p => p.Describe(),
            CareEntryKind.MedicationGiven => string.Create(CultureInfo.InvariantCulture, $"{entry.Text} {entry.Value} {entry.Unit} {entry.Route}"),
            CareEntryKind.Assessment when entry.Value is { } v => string.Create(CultureInfo.InvariantCulture, $"{entry.Text} {v}"),
            _ => entry.Text,
        };
        return text.Length <= MaxTextLength ? text : text[..MaxTextLength];
    }

    private static DocumentationOutcome? Refuse(IncidentRecord record, NewCareEntry entry, DateTimeOffset now)
    {
        if (record.Documentation.Count >= MaxEntries)
        {
            return DocumentationOutcome.Refused(DocumentationRefusal.Invalid, $"Case {record.Id} has {MaxEntries} documentation entries, the most one case holds.");
        }

        var errors = Validate(entry, record.CreatedAt, now);
        return errors.Count == 0 ? null : DocumentationOutcome.Refused(DocumentationRefusal.Invalid, string.Join(" ", errors.Values));
    }

    private static CareEntry Stamp(
        IncidentRecord record, NewCareEntry entry, string actor, DateTimeOffset now, string? amends, string? reason, bool retracted)
    {
        var patient = entry.Patient;
        if (patient is { BirthDate: { } born, AgeYears: null })
        {
            patient = patient with { AgeYears = AgeOn(born, DateOnly.FromDateTime(now.UtcDateTime)), AgeEstimated = false };
        }

        var stamped = new CareEntry(
            string.Create(CultureInfo.InvariantCulture, $"D{record.Documentation.Count + 1}"),
            entry.Kind,
            entry.At ?? now,
            now,
            actor,
            entry.Text.Trim(),
            entry.Code,
            entry.Value,
            entry.Unit?.Trim(),
            entry.Route?.Trim(),
            patient,
            entry.Components?.ToArray(),
            amends,
            reason?.Trim(),
            retracted);
        record.Documentation.Add(stamped);
        return stamped;
    }

    private static int AgeOn(DateOnly born, DateOnly day)
    {
        var age = day.Year - born.Year;
        return born > day.AddYears(-age) ? age - 1 : age;
    }

    private static void ValidateCode(ClinicalCode code, string field, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(code.System) || !Uri.TryCreate(code.System, UriKind.Absolute, out _))
        {
            errors[$"{field}.system"] = "A code's system is an absolute URI (http://snomed.info/sct, http://loinc.org, …).";
        }

        if (string.IsNullOrWhiteSpace(code.Code) || code.Code.Length > 64 || code.Code.Any(char.IsWhiteSpace))
        {
            errors[$"{field}.code"] = "A code is 1 to 64 characters without spaces.";
        }

        if (string.IsNullOrWhiteSpace(code.Display) || code.Display.Length > MaxNameLength)
        {
            errors[$"{field}.display"] = $"A code needs its display text (at most {MaxNameLength} characters).";
        }
    }

    private static void ValidatePatient(PatientDetails patient, DateTimeOffset now, Dictionary<string, string> errors)
    {
        if (!Enum.IsDefined(patient.Sex))
        {
            errors["patient.sex"] = "Unknown sex.";
        }

        if (patient.Name is { } name && (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength))
        {
            errors["patient.name"] = $"name is 1 to {MaxNameLength} characters, or null while unknown.";
        }

        if (patient.Identifier is { Length: > 64 })
        {
            errors["patient.identifier"] = "identifier is longer than 64 characters.";
        }

        if (patient.AgeYears is < 0 or > MaxAgeYears)
        {
            errors["patient.ageYears"] = $"ageYears is between 0 and {MaxAgeYears}.";
        }

        if (patient.BirthDate is { } born)
        {
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            if (born > today)
            {
                errors["patient.birthDate"] = "birthDate is in the future.";
            }
            else if (AgeOn(born, today) > MaxAgeYears)
            {
                errors["patient.birthDate"] = $"birthDate makes the patient older than {MaxAgeYears}.";
            }
            else if (patient.AgeYears is { } years && !patient.AgeEstimated && years != AgeOn(born, today))
            {
                errors["patient.ageYears"] = "ageYears does not match birthDate.";
            }
        }
    }
}
