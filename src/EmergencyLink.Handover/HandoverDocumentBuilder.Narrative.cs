using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Documentation;
using Hl7.Fhir.Model;

namespace EmergencyLink.Handover;

public static partial class HandoverDocumentBuilder
{
    private static Composition.SectionComponent ChiefComplaintSection(HandoverCase handover, IReadOnlyList<CareEntry> current)
    {
        var text = new XhtmlNarrative().Paragraph("Dispatch: " + handover.Complaint);
        var crew = current.Where(e => e.Kind == CareEntryKind.ChiefComplaint).Select(e => $"Crew {Clock(e.At)}: {e.Text}{Corrected(e)}").ToList();
        if (crew.Count > 0)
        {
            text.List(crew);
        }

        // Chief complaint is narrative in mPSC; it has text always (dispatch's), so it is never an empty section.
        return new Composition.SectionComponent
        {
            Title = "Chief complaint",
            Code = FhirCodes.LoincConcept("10154-3", "Chief complaint Narrative - Reported"),
            Text = text.ToNarrative(),
        };
    }

    private static Composition.SectionComponent HistorySection(IReadOnlyList<CareEntry> current)
    {
        var items = current.Where(e => e.Kind == CareEntryKind.History).Select(e => $"{Clock(e.At)}: {e.Text}{Corrected(e)}").ToList();
        var text = items.Count > 0 ? new XhtmlNarrative().List(items) : new XhtmlNarrative().Paragraph("No history recorded.");
        // The crew records past history and the history of the present illness together; 11348-0 is the section
        // code summary documents (IPS, C-CDA) use for the patient's history.
        var section = new Composition.SectionComponent
        {
            Title = "History",
            Code = FhirCodes.LoincConcept("11348-0", "History of Past illness Narrative"),
            Text = text.ToNarrative(),
        };
        if (items.Count == 0)
        {
            // Unavailable, not "nil known": the patient may not have been able to give a history (see Section).
            section.EmptyReason = FhirCodes.Concept(FhirCodes.ListEmptyReason, "unavailable", "Unavailable");
        }

        return section;
    }

    private static Composition.SectionComponent? NotesSection(IReadOnlyList<CareEntry> current)
    {
        var items = current.Where(e => e.Kind == CareEntryKind.Note).Select(e => $"{Clock(e.At)}: {e.Text}{Corrected(e)}").ToList();
        return items.Count == 0
            ? null
            : new Composition.SectionComponent
            {
                Title = "Notes",
                Code = FhirCodes.TextConcept("Crew notes"),
                Text = new XhtmlNarrative().List(items).ToNarrative(),
            };
    }

    private static Composition.SectionComponent TimelineSection(HandoverCase handover)
    {
        // The timeline is the medico-legal record and the only place corrected or withdrawn entries still show
        // (the clinical resources carry the current version only); it is narrative, there is no FHIR resource for it.
        var rows = handover.Timeline.Select(t => (IReadOnlyList<string>)
        [
            Time(t.At),
            t.Actor,
            t.Trigger is { } trigger ? $"{trigger}: {t.From} → {t.To}" : t.Event?.ToString() ?? "Opened",
            t.Detail ?? "",
        ]);
        var text = new XhtmlNarrative().Table(["Time", "By", "Step", "Detail"], rows);
        if (handover.Timeline.Count == 0)
        {
            text = new XhtmlNarrative().Paragraph("No timeline entries.");
        }

        return new Composition.SectionComponent
        {
            Title = "Timeline",
            Code = FhirCodes.TextConcept("Case timeline"),
            Text = text.ToNarrative(),
        };
    }
}
