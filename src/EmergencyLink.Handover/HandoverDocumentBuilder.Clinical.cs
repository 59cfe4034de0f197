using System.Globalization;
using EmergencyLink.Domain.Documentation;
using Hl7.Fhir.Model;

namespace EmergencyLink.Handover;

public static partial class HandoverDocumentBuilder
{
    private static Composition.SectionComponent AllergySection(ClinicalContext context, IReadOnlyList<CareEntry> current)
    {
        var entries = new List<ResourceReference>();
        var items = new List<string>();
        foreach (var entry in current.Where(e => e.Kind == CareEntryKind.Allergy))
        {
            entries.Add(context.Doc.Add(new AllergyIntolerance
            {
                ClinicalStatus = FhirCodes.Concept(FhirCodes.AllergyClinical, "active", "Active"),
                // The crew hears allergies from the patient or a relative; nobody has confirmed them.
                VerificationStatus = FhirCodes.Concept(FhirCodes.AllergyVerification, "unconfirmed", "Unconfirmed"),
                Code = FhirCodes.FromEntry(entry.Code, entry.Text),
                Patient = context.Patient,
                Encounter = context.Encounter,
                RecordedDateElement = new FhirDateTime(entry.RecordedAt),
                Recorder = context.Recorder(entry),
            }, "allergy/" + entry.Id));
            items.Add(entry.Text + Corrected(entry));
        }

        return Section("Allergies", FhirCodes.LoincConcept("48765-2", "Allergies and adverse reactions Document"),
            items.Count > 0
                ? new XhtmlNarrative().List(items)
                : new XhtmlNarrative().Paragraph("No allergy information recorded (this is not \"no known allergies\")."),
            entries, crewRecordIsComplete: false);
    }

    private static Composition.SectionComponent MedicationSection(ClinicalContext context, IReadOnlyList<CareEntry> current)
    {
        var entries = new List<ResourceReference>();
        var items = new List<string>();
        foreach (var entry in current.Where(e => e.Kind == CareEntryKind.Medication))
        {
            entries.Add(context.Doc.Add(new MedicationStatement
            {
                Status = MedicationStatement.MedicationStatusCodes.Active,
                Medication = FhirCodes.FromEntry(entry.Code, entry.Text),
                Subject = context.Patient,
                Context = context.Encounter,
                DateAssertedElement = new FhirDateTime(entry.RecordedAt),
                InformationSource = context.Patient,
            }, "medication/" + entry.Id));
            items.Add(entry.Text + Corrected(entry));
        }

        return Section("Medications", FhirCodes.LoincConcept("10160-0", "History of Medication use Narrative"),
            items.Count > 0 ? new XhtmlNarrative().List(items) : new XhtmlNarrative().Paragraph("No medication history recorded."),
            entries, crewRecordIsComplete: false);
    }

    private static Composition.SectionComponent AssessmentSection(ClinicalContext context, IReadOnlyList<CareEntry> current, PatientDetails? patient)
    {
        var entries = new List<ResourceReference>();
        var rows = new List<IReadOnlyList<string>>();
        if (patient is { AgeYears: { } years, BirthDate: null })
        {
            // R4 Patient has birthDate but no age; an estimated or reported age without a birth date is an
            // Observation (LOINC 30525-0 Age) in years, method saying whether it is the crew's estimate.
            var at = context.Case.Documentation.LastOrDefault(e => e.Kind == CareEntryKind.Patient)?.At ?? context.Case.CreatedAt;
            entries.Add(context.Doc.Add(new Observation
            {
                Status = ObservationStatus.Final,
                Category = [FhirCodes.ObservationCategoryConcept("exam", "Exam")],
                Code = FhirCodes.LoincConcept("30525-0", "Age"),
                Subject = context.Patient,
                Encounter = context.Encounter,
                Effective = new FhirDateTime(at),
                Value = new Quantity(years, "a", FhirCodes.Ucum) { Unit = "years" },
                Method = FhirCodes.TextConcept(patient.AgeEstimated ? "Estimated by the crew" : "Reported"),
            }, "observation/age"));
            rows.Add([Clock(at), "Age", (patient.AgeEstimated ? "about " : "") + years.ToString(CultureInfo.InvariantCulture) + " years"]);
        }

        foreach (var entry in current.Where(e => e.Kind == CareEntryKind.Assessment))
        {
            entries.Add(context.Doc.Add(AssessmentObservation(context, entry), "assessment/" + entry.Id));
            var components = entry.Components is { Count: > 0 } c ? " (" + string.Join(", ", c.Select(x => $"{x.Name} {x.Value}")) + ")" : "";
            rows.Add([Clock(entry.At), entry.Text + Corrected(entry), (entry.Value is { } v ? Number(v) : "") + components]);
        }

        return Section("Assessments", FhirCodes.LoincConcept("51848-0", "Evaluation note"),
            rows.Count > 0 ? new XhtmlNarrative().Table(["Time", "Assessment", "Result"], rows) : new XhtmlNarrative().Paragraph("None recorded."),
            entries);
    }

    private static Observation AssessmentObservation(ClinicalContext context, CareEntry entry)
    {
        var observation = new Observation
        {
            Status = ObservationStatus.Final,
            Category = [FhirCodes.ObservationCategoryConcept("survey", "Survey")],
            Subject = context.Patient,
            Encounter = context.Encounter,
            Effective = new FhirDateTime(entry.At),
        };
        if (IsGcs(entry))
        {
            observation.Code = FhirCodes.Concept(FhirCodes.Loinc, "9269-2", "Glasgow coma score total", entry.Text);
            var total = entry.Value ?? entry.Components?.Sum(c => c.Value);
            observation.Value = total is { } t ? new Integer((int)Math.Round(t)) : null;
            observation.Component = entry.Components?.Select(c => new Observation.ComponentComponent
            {
                Code = GcsComponentCode(c),
                Value = new Integer(c.Value),
            }).ToList() ?? [];
        }
        else if (IsPainScore(entry))
        {
            observation.Code = FhirCodes.Concept(FhirCodes.Loinc, "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported", entry.Text);
            observation.Value = new Integer((int)Math.Round(entry.Value!.Value));
        }
        else
        {
            observation.Category = [FhirCodes.ObservationCategoryConcept("exam", "Exam")];
            observation.Code = FhirCodes.FromEntry(entry.Code, entry.Text);
            observation.Value = entry.Value is { } v
                ? (v == Math.Floor(v) && Math.Abs(v) < int.MaxValue ? new Integer((int)v) : new Quantity { Value = (decimal)v })
                : null;
            observation.Component = entry.Components?.Select(c => new Observation.ComponentComponent
            {
                Code = FhirCodes.FromEntry(c.Code, c.Name),
                Value = new Integer(c.Value),
            }).ToList() ?? [];
        }

        if (observation.Value is null && observation.Component.Count == 0)
        {
            observation.DataAbsentReason = FhirCodes.Concept("http://terminology.hl7.org/CodeSystem/data-absent-reason", "unknown", "Unknown");
        }

        return observation;
    }

    private static bool IsGcs(CareEntry entry) =>
        entry.Code is { Code: "9269-2" }
        || entry.Text.StartsWith("GCS", StringComparison.OrdinalIgnoreCase)
        || entry.Text.Contains("glasgow", StringComparison.OrdinalIgnoreCase);

    private static bool IsPainScore(CareEntry entry) =>
        entry.Value is not null
        && (entry.Code is { Code: "72514-3" } || entry.Text.Contains("pain", StringComparison.OrdinalIgnoreCase));

    private static CodeableConcept GcsComponentCode(ScoreComponent component)
    {
        var name = component.Name;
        if (name.Contains("eye", StringComparison.OrdinalIgnoreCase))
        {
            return FhirCodes.Concept(FhirCodes.Loinc, "9267-6", "Glasgow coma score eye opening", name);
        }

        if (name.Contains("verbal", StringComparison.OrdinalIgnoreCase))
        {
            return FhirCodes.Concept(FhirCodes.Loinc, "9270-0", "Glasgow coma score verbal", name);
        }

        return name.Contains("motor", StringComparison.OrdinalIgnoreCase)
            ? FhirCodes.Concept(FhirCodes.Loinc, "9268-4", "Glasgow coma score motor", name)
            : FhirCodes.FromEntry(component.Code, name);
    }

    private static Composition.SectionComponent ProcedureSection(ClinicalContext context, IReadOnlyList<CareEntry> current)
    {
        var entries = new List<ResourceReference>();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var entry in current.Where(e => e.Kind == CareEntryKind.Treatment))
        {
            entries.Add(context.Doc.Add(new Procedure
            {
                Status = EventStatus.Completed,
                Code = FhirCodes.FromEntry(entry.Code, entry.Text),
                Subject = context.Patient,
                Encounter = context.Encounter,
                Performed = new FhirDateTime(entry.At),
                Recorder = context.Recorder(entry),
            }, "procedure/" + entry.Id));
            rows.Add([Clock(entry.At), entry.Text + Corrected(entry)]);
        }

        return Section("Procedures", FhirCodes.LoincConcept("47519-4", "History of Procedures Document"),
            rows.Count > 0 ? new XhtmlNarrative().Table(["Time", "Procedure"], rows) : new XhtmlNarrative().Paragraph("None performed."), entries);
    }

    private static Composition.SectionComponent MedicationsGivenSection(ClinicalContext context, IReadOnlyList<CareEntry> current)
    {
        var entries = new List<ResourceReference>();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var entry in current.Where(e => e.Kind == CareEntryKind.MedicationGiven))
        {
            var dosage = new MedicationAdministration.DosageComponent
            {
                Text = FhirCodes.Clean(CaseDocumentation.Summary(entry)),
                Route = entry.Route is { } route ? FhirCodes.TextConcept(route) : null,
            };
            if (entry.Value is { } dose)
            {
                var unit = entry.Unit is null ? null : FhirCodes.Clean(entry.Unit);
                dosage.Dose = new Quantity { Value = (decimal)dose, Unit = unit, System = unit is null ? null : FhirCodes.Ucum, Code = unit };
            }

            entries.Add(context.Doc.Add(new MedicationAdministration
            {
                Status = MedicationAdministration.MedicationAdministrationStatusCodes.Completed,
                Medication = FhirCodes.FromEntry(entry.Code, entry.Text),
                Subject = context.Patient,
                Context = context.Encounter,
                Effective = new FhirDateTime(entry.At),
                Dosage = dosage,
            }, "medication-administration/" + entry.Id));
            rows.Add([Clock(entry.At), entry.Text + Corrected(entry), entry.Value is { } v ? $"{Number(v)} {entry.Unit}" : "", entry.Route ?? ""]);
        }

        return Section("Medications administered", FhirCodes.LoincConcept("29549-3", "Medication administered Narrative"),
            rows.Count > 0 ? new XhtmlNarrative().Table(["Time", "Medication", "Dose", "Route"], rows) : new XhtmlNarrative().Paragraph("None given."),
            entries);
    }

    private static Composition.SectionComponent ImpressionSection(ClinicalContext context, IReadOnlyList<CareEntry> current)
    {
        var entries = new List<ResourceReference>();
        var items = new List<string>();
        foreach (var entry in current.Where(e => e.Kind == CareEntryKind.Impression))
        {
            entries.Add(context.Doc.Add(new Condition
            {
                ClinicalStatus = FhirCodes.Concept(FhirCodes.ConditionClinical, "active", "Active"),
                // A field impression is a working diagnosis for the receiving team to confirm or refute.
                VerificationStatus = FhirCodes.Concept(FhirCodes.ConditionVerification, "provisional", "Provisional"),
                Category = [FhirCodes.Concept(FhirCodes.ConditionCategory, "encounter-diagnosis", "Encounter Diagnosis")],
                Code = FhirCodes.FromEntry(entry.Code, entry.Text),
                Subject = context.Patient,
                Encounter = context.Encounter,
                RecordedDateElement = new FhirDateTime(entry.RecordedAt),
                Recorder = context.Recorder(entry),
            }, "condition/" + entry.Id));
            items.Add($"{Clock(entry.At)}: {entry.Text}{Corrected(entry)} (provisional)");
        }

        return Section("Working impression", FhirCodes.LoincConcept("51847-2", "Evaluation + Plan note"),
            items.Count > 0 ? new XhtmlNarrative().List(items) : new XhtmlNarrative().Paragraph("None recorded."), entries);
    }
}
