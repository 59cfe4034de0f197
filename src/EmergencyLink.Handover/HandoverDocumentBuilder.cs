using System.Globalization;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Documentation;
using Hl7.Fhir.Model;

namespace EmergencyLink.Handover;

/// <summary>
/// Turns a case into a FHIR R4 document Bundle shaped like IHE mPSC (mobile Paramedicine Summary of Care): a
/// Composition with one section per part of the handover, and the resources those sections point at. Pure: the same
/// case gives the same document, byte for byte (ids are derived from the case id, times come from the case).
/// </summary>
public static partial class HandoverDocumentBuilder
{
    public static Bundle Build(HandoverCase handover)
    {
        ArgumentNullException.ThrowIfNull(handover);
        ArgumentException.ThrowIfNullOrWhiteSpace(handover.CaseId);
        if (handover.Version < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(handover), "The document version starts at 1.");
        }

        if (!InTimeOrder(handover.Vitals))
        {
            // The charting rule walks the series in time order; a monitor buffer replayed out of order must not
            // silently chart the wrong readings.
            handover = handover with { Vitals = handover.Vitals.OrderBy(r => r.At).ToArray() };
        }

        var current = CaseDocumentation.Current(handover.Documentation);
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.Document,
            // Composition.identifier stays the same across versions (see below); each version of the document is a
            // new document, so the Bundle's identifier is derived from the case id and the version.
            Identifier = new Identifier(FhirCodes.Rfc3986,
                DeterministicUuid.Urn(string.Create(CultureInfo.InvariantCulture, $"{handover.CaseId}/document/v{handover.Version}"))),
            Timestamp = handover.GeneratedAt,
        };
        var doc = new DocumentAssembly(handover.CaseId, bundle);
        var composition = new Composition();
        doc.Add(composition, "composition");

        var patientDetails = CaseDocumentation.CurrentPatient(handover.Documentation);
        var patient = doc.Add(BuildPatient(patientDetails, handover), "patient");
        var agency = doc.Add(BuildOrganization(handover.Agency, "EMS agency"), "organization/agency");
        ResourceReference? destination = null;
        ResourceReference? destinationLocation = null;
        if (handover.Destination is { } hospital)
        {
            destination = doc.Add(BuildOrganization(hospital, "Receiving hospital"), "organization/destination");
            destinationLocation = doc.Add(new Location
            {
                Status = Location.LocationStatus.Active,
                Name = FhirCodes.Clean(hospital.Name),
                ManagingOrganization = destination,
            }, "location/destination");
        }

        var scene = doc.Add(new Location
        {
            Status = Location.LocationStatus.Active,
            Name = "Incident scene",
            Description = FhirCodes.Clean(handover.Address),
            Address = new Address { Text = FhirCodes.Clean(handover.Address) },
            Position = new Location.PositionComponent
            {
                Latitude = (decimal)handover.Location.Lat,
                Longitude = (decimal)handover.Location.Lon,
            },
        }, "location/scene");
        var vehicle = doc.Add(new Location
        {
            Status = Location.LocationStatus.Active,
            Name = FhirCodes.Clean("Ambulance " + handover.UnitId),
            Identifier = [new Identifier { Value = FhirCodes.Clean(handover.UnitId) }],
            Mode = Location.LocationMode.Instance,
            PhysicalType = FhirCodes.Concept(FhirCodes.LocationPhysicalType, "ve", "Vehicle"),
            ManagingOrganization = agency,
        }, "location/vehicle");
        var encounter = doc.Add(BuildEncounter(handover, patient, agency, scene, vehicle, destinationLocation), "encounter");

        // The crew as the record knows them: authenticated user ids, not names, so that is what the document says.
        var crew = new Dictionary<string, ResourceReference>(StringComparer.Ordinal);
        foreach (var author in current.Select(e => e.Author).Distinct(StringComparer.Ordinal))
        {
            crew[author] = doc.Add(new Practitioner
            {
                Identifier = [new Identifier { Value = FhirCodes.Clean(author), Type = FhirCodes.TextConcept("EmergencyLink user id") }],
                Text = new XhtmlNarrative().Paragraph("Crew member " + author).ToNarrative(),
            }, "practitioner/" + author);
        }

        var context = new ClinicalContext(doc, handover, patient, encounter, crew);
        var sections = new List<Composition.SectionComponent>
        {
            ChiefComplaintSection(handover, current),
            HistorySection(current),
            AllergySection(context, current),
            MedicationSection(context, current),
            VitalSignsSection(context),
        };
        var ecg = EcgSection(context, out var ecgReference);
        sections.Add(ecg);
        sections.Add(AssessmentSection(context, current, patientDetails));
        sections.Add(ProcedureSection(context, current));
        sections.Add(MedicationsGivenSection(context, current));
        sections.Add(ImpressionSection(context, current));
        sections.Add(AlertSection(context, ecgReference));
        if (NotesSection(current) is { } notes)
        {
            sections.Add(notes);
        }

        sections.Add(TimelineSection(handover));

        composition.Identifier = new Identifier(FhirCodes.Rfc3986, DeterministicUuid.Urn(handover.CaseId + "/composition"));
        composition.Status = CompositionStatusOf(handover);
        // IHE mPSC names LOINC 67796-3 "EMS patient care report" as the document's code, so we use it.
        composition.Type = FhirCodes.LoincConcept("67796-3", "EMS patient care report");
        composition.Subject = patient;
        composition.Encounter = encounter;
        composition.Date = handover.GeneratedAt.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        composition.Author = [agency, .. crew.Values.Select(c => new ResourceReference(c.Reference))];
        composition.Custodian = agency;
        composition.Title = FhirCodes.Clean(string.Create(CultureInfo.InvariantCulture,
            $"Paramedicine summary of care, case {handover.CaseId}, version {handover.Version}"));
        composition.Section = sections;
        composition.Text = new XhtmlNarrative()
            .Paragraph(composition.Title)
            .Paragraph(string.Create(CultureInfo.InvariantCulture,
                $"Priority {handover.Priority}, case {handover.State}, {Describe(patientDetails)}; generated {Time(handover.GeneratedAt)}."))
            .ToNarrative();
        return bundle;
    }

    /// <summary>
    /// Preliminary while the patient is still in the crew's care; final once handed over, closed or cancelled; amended
    /// when the crew corrected the record after it had become final (the receiving team must re-read it).
    /// </summary>
    internal static CompositionStatus CompositionStatusOf(HandoverCase handover)
    {
        if (handover.State is not (CaseState.HandedOver or CaseState.Closed or CaseState.Cancelled))
        {
            return CompositionStatus.Preliminary;
        }

        var finalAt = handover.Timeline
            .Where(t => t.To is CaseState.HandedOver or CaseState.Closed or CaseState.Cancelled && t.From != t.To)
            .Select(t => (DateTimeOffset?)t.At)
            .FirstOrDefault();
        var correctedAfter = finalAt is { } at && handover.Documentation.Any(e => e.Amends is not null && e.RecordedAt > at);
        return handover.Version > 1 && correctedAfter ? CompositionStatus.Amended : CompositionStatus.Final;
    }

    private static bool InTimeOrder(IReadOnlyList<VitalsReading> readings)
    {
        for (var i = 1; i < readings.Count; i++)
        {
            if (readings[i].At < readings[i - 1].At)
            {
                return false;
            }
        }

        return true;
    }

    internal static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    internal static string Clock(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    internal static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The patient as a clinician reads it: "Jane Doe, female, 54", "unknown male, about 60", or "no patient details recorded".</summary>
    public static string Describe(PatientDetails? patient) => patient?.Describe() ?? "no patient details recorded";

    private static Composition.SectionComponent Section(
        string title, CodeableConcept code, XhtmlNarrative text, List<ResourceReference> entries, bool crewRecordIsComplete = true)
    {
        var section = new Composition.SectionComponent { Title = title, Code = code, Text = text.ToNarrative() };
        if (entries.Count > 0)
        {
            section.Entry = entries;
        }
        else
        {
            // cmp-2: only an empty section may say why it is empty. What the crew did (drugs, procedures, ECG) is
            // complete in their record, so nothing recorded means none known. What the patient told them (history,
            // allergies, medications) is not: an unconscious or unidentified patient tells nothing, and an empty
            // allergy list must never read as "no known allergies" (the crew records that as an entry).
            section.EmptyReason = crewRecordIsComplete
                ? FhirCodes.Concept(FhirCodes.ListEmptyReason, "nilknown", "Nil Known")
                : FhirCodes.Concept(FhirCodes.ListEmptyReason, "unavailable", "Unavailable");
        }

        return section;
    }

    private static string Corrected(CareEntry entry) =>
        entry.Amends is null ? "" : $" (corrected {Clock(entry.RecordedAt)}: {entry.Reason})";
}
