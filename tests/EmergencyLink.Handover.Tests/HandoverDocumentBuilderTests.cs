using System.Text.RegularExpressions;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Documentation;
using Hl7.Fhir.Model;

namespace EmergencyLink.Handover.Tests;

public sealed partial class HandoverDocumentBuilderTests
{
    [Fact]
    public void An_unidentified_patient_gets_a_temporary_name_a_clinician_reads_and_an_estimated_age_observation()
    {
        var bundle = HandoverDocumentBuilder.Build(Cases.UnidentifiedTrauma());

        var patient = Resources<Patient>(bundle).Single();
        var name = Assert.Single(patient.Name);
        Assert.Equal(HumanName.NameUse.Temp, name.Use);
        Assert.Equal("unknown male, about 60", name.Text);
        Assert.Empty(name.Given);
        Assert.Null(name.Family);
        Assert.Null(patient.BirthDate);
        Assert.Equal(AdministrativeGender.Male, patient.Gender);
        var age = Resources<Observation>(bundle).Single(o => o.Code.Coding.Any(c => c.Code == "30525-0"));
        var years = Assert.IsType<Quantity>(age.Value);
        Assert.Equal(60m, years.Value);
        Assert.Equal("a", years.Code);
        Assert.Equal("Estimated by the crew", age.Method!.Text);
    }

    [Fact]
    public void An_identified_patient_has_an_official_name_and_birth_date_and_no_age_observation()
    {
        var bundle = HandoverDocumentBuilder.Build(Cases.StemiTransport());

        var patient = Resources<Patient>(bundle).Single();
        Assert.Equal(HumanName.NameUse.Official, patient.Name.Single().Use);
        Assert.Equal("John Smith", patient.Name.Single().Text);
        Assert.Equal("1964-03-02", patient.BirthDate);
        Assert.DoesNotContain(Resources<Observation>(bundle), o => o.Code.Coding.Any(c => c.Code == "30525-0"));
    }

    [Fact]
    public void A_corrected_entry_shows_only_its_current_version_and_a_withdrawn_one_not_at_all()
    {
        var handover = Cases.StemiTransport();
        var at = handover.Timeline[^1].At.AddMinutes(-5);
        var aspirin = handover.Documentation.Single(e => e.Id == "D10");
        var docs = handover.Documentation.ToList();
        docs.Add(Cases.Entry("D14", CareEntryKind.MedicationGiven, aspirin.At, "Aspirin", value: 150, unit: "mg", route: "PO",
            amends: "D10", reason: "dose misrecorded"));
        docs.Add(Cases.Entry("D15", CareEntryKind.Treatment, at, "IV access 18G left antecubital fossa", amends: "D9",
            reason: "entered in error", retracted: true));
        var timeline = handover.Timeline.ToList();
        timeline.Add(new TimelineEntry(timeline.Count + 1, at, "medic-7", null, CaseState.HandedOver, CaseState.HandedOver,
            "D14 corrects D10 (dose misrecorded): Aspirin 150 mg PO", TimelineEvent.DocumentationAmended));
        timeline.Add(new TimelineEntry(timeline.Count + 1, at, "medic-7", null, CaseState.HandedOver, CaseState.HandedOver,
            "D15 withdraws D9 (entered in error)", TimelineEvent.DocumentationAmended));

        var bundle = HandoverDocumentBuilder.Build(handover with { Documentation = docs, Timeline = timeline });

        var given = Resources<MedicationAdministration>(bundle).Where(m => ((CodeableConcept)m.Medication).Text == "Aspirin").ToList();
        Assert.Equal(150m, Assert.Single(given).Dosage!.Dose!.Value);
        Assert.DoesNotContain(Resources<Procedure>(bundle), p => p.Code!.Text!.StartsWith("IV access", StringComparison.Ordinal));
        var sections = Resources<Composition>(bundle).Single().Section;
        Assert.Contains("dose misrecorded", Section(sections, "Medications administered").Text!.Div, StringComparison.Ordinal);
        var timelineText = Section(sections, "Timeline").Text!.Div;
        Assert.Contains("D14 corrects D10", timelineText, StringComparison.Ordinal);
        Assert.Contains("D15 withdraws D9", timelineText, StringComparison.Ordinal);
        Assert.NotNull(Section(sections, "Procedures").EmptyReason);
    }

    [Theory]
    [MemberData(nameof(HandoverDocumentValidationTests.Scenarios), MemberType = typeof(HandoverDocumentValidationTests))]
    public void Every_reference_resolves_to_an_entry_inside_the_bundle(string scenario)
    {
        var bundle = HandoverDocumentBuilder.Build(HandoverDocumentValidationTests.Scenario(scenario));
        var fullUrls = bundle.Entry.Select(e => e.FullUrl).ToHashSet();

        var references = ReferencePattern().Matches(HandoverSerializer.ToJson(bundle)).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.Contains(r, fullUrls));
        Assert.All(bundle.Entry, e => Assert.StartsWith("urn:uuid:", e.FullUrl, StringComparison.Ordinal));
        Assert.Equal(bundle.Entry.Count, fullUrls.Count);
    }

    [Fact]
    public void The_same_case_gives_the_same_document_and_another_version_a_new_bundle_identifier_only()
    {
        var first = HandoverDocumentBuilder.Build(Cases.StemiTransport());
        var again = HandoverDocumentBuilder.Build(Cases.StemiTransport());
        var next = HandoverDocumentBuilder.Build(Cases.StemiTransport() with { Version = 2 });

        Assert.Equal(HandoverSerializer.ToJson(first), HandoverSerializer.ToJson(again));
        Assert.Equal(Bundle.BundleType.Document, first.Type);
        Assert.Equal("urn:ietf:rfc:3986", first.Identifier!.System);
        Assert.StartsWith("urn:uuid:", first.Identifier.Value, StringComparison.Ordinal);
        Assert.NotEqual(first.Identifier!.Value, next.Identifier!.Value);
        Assert.Equal(Resources<Composition>(first).Single().Identifier!.Value, Resources<Composition>(next).Single().Identifier!.Value);
        Assert.Equal(first.Entry[0].FullUrl, next.Entry[0].FullUrl);
    }

    [Fact]
    public void The_composition_comes_first_with_the_mPSC_document_code_and_every_section_coded_and_narrated()
    {
        var bundle = HandoverDocumentBuilder.Build(Cases.StemiTransport());

        var composition = Assert.IsType<Composition>(bundle.Entry[0].Resource);
        Assert.Equal("67796-3", composition.Type.Coding.Single().Code);
        Assert.Equal(CompositionStatus.Final, composition.Status);
        string[] loinc = ["10154-3", "11348-0", "48765-2", "10160-0", "8716-3", "30954-2", "51848-0", "47519-4", "29549-3", "51847-2"];
        Assert.Equal(loinc, composition.Section.Where(s => s.Code!.Coding.Count > 0).Select(s => s.Code!.Coding.Single().Code));
        Assert.All(composition.Section, s => Assert.StartsWith("<div xmlns=\"http://www.w3.org/1999/xhtml\">", s.Text!.Div, StringComparison.Ordinal));
        Assert.All(composition.Section, s => Assert.Equal(Narrative.NarrativeStatus.Generated, s.Text!.Status));
    }

    [Fact]
    public void A_cancelled_case_is_a_final_minimal_document_whose_empty_sections_say_why()
    {
        var bundle = HandoverDocumentBuilder.Build(Cases.Cancelled());

        var composition = Resources<Composition>(bundle).Single();
        Assert.Equal(CompositionStatus.Final, composition.Status);
        Assert.Equal(Encounter.EncounterStatus.Cancelled, Resources<Encounter>(bundle).Single().Status);
        string[] toldByThePatient = ["11348-0", "48765-2", "10160-0"];
        var empty = composition.Section.Where(s => s.Entry.Count == 0 && s.Code!.Coding.Count > 0 && s.Code.Coding[0].Code != "10154-3").ToList();
        Assert.Equal(9, empty.Count);
        Assert.All(empty, s => Assert.Equal(
            toldByThePatient.Contains(s.Code!.Coding[0].Code) ? "unavailable" : "nilknown", s.EmptyReason!.Coding.Single().Code));
        Assert.Equal("No patient details recorded", Resources<Patient>(bundle).Single().Name.Single().Text);
    }

    [Fact]
    public void An_empty_allergy_section_never_reads_as_no_known_allergies()
    {
        var bundle = HandoverDocumentBuilder.Build(Cases.UnidentifiedTrauma());

        var allergies = Section(Resources<Composition>(bundle).Single().Section, "Allergies");

        Assert.Equal("unavailable", allergies.EmptyReason!.Coding.Single().Code);
        Assert.Contains("not \"no known allergies\"", allergies.Text!.Div, StringComparison.Ordinal);
    }

    [Fact]
    public void The_document_is_preliminary_while_the_patient_is_en_route_and_amended_when_corrected_after_handover()
    {
        var transporting = HandoverDocumentBuilder.Build(Cases.UnidentifiedTrauma());
        Assert.Equal(CompositionStatus.Preliminary, Resources<Composition>(transporting).Single().Status);
        Assert.Equal(Encounter.EncounterStatus.InProgress, Resources<Encounter>(transporting).Single().Status);

        var handover = Cases.StemiTransport();
        var late = handover.Timeline[^1].At.AddMinutes(30);
        var docs = handover.Documentation.Append(
            Cases.Entry("D14", CareEntryKind.Impression, late, "Inferior STEMI", amends: "D13", reason: "wrong territory")).ToList();
        var corrected = HandoverDocumentBuilder.Build(handover with { Documentation = docs, Version = 2 });

        Assert.Equal(CompositionStatus.Amended, Resources<Composition>(corrected).Single().Status);
    }

    [Fact]
    public void A_no_transport_case_records_the_disposition_and_has_no_destination()
    {
        var bundle = HandoverDocumentBuilder.Build(Cases.NoTransport());

        var encounter = Resources<Encounter>(bundle).Single();
        Assert.Equal(Encounter.EncounterStatus.Finished, encounter.Status);
        Assert.Equal("Patient refused transport", encounter.Hospitalization!.DischargeDisposition!.Text);
        Assert.Null(encounter.Hospitalization.Destination);
        Assert.Equal("FLD", encounter.Class.Code);
        Assert.Equal("Dispatch priority 4", encounter.Priority!.Text);
    }

    [Fact]
    public void A_priority_one_case_is_an_emergency_encounter_in_the_v3_act_priority_codes()
    {
        var encounter = Resources<Encounter>(HandoverDocumentBuilder.Build(Cases.StemiTransport())).Single();

        var priority = encounter.Priority!.Coding.Single();
        Assert.Equal("http://terminology.hl7.org/CodeSystem/v3-ActPriority", priority.System);
        Assert.Equal("EM", priority.Code);
    }

    [Fact]
    public void The_ecg_strip_is_one_observation_with_a_sampled_data_component_per_lead_in_MDC_codes()
    {
        var bundle = HandoverDocumentBuilder.Build(Cases.StemiTransport());

        var ecg = Resources<Observation>(bundle).Single(o => o.Code.Coding.Any(c => c.Code == "131328"));
        Assert.Equal(12, ecg.Component.Count);
        Assert.Equal(
            ["131329", "131330", "131389", "131390", "131391", "131392", "131331", "131332", "131333", "131334", "131335", "131336"],
            ecg.Component.Select(c => c.Code.Coding.Single().Code));
        Assert.All(ecg.Component, c => Assert.Equal("urn:oid:2.16.840.1.113883.6.24", c.Code.Coding.Single().System));
        var lead = Assert.IsType<SampledData>(ecg.Component[1].Value);
        Assert.Equal(2m, lead.Period);
        Assert.Equal(0.001m, lead.Factor);
        Assert.Equal(1, lead.Dimensions);
        Assert.Equal("mV", lead.Origin.Code);
        var samples = lead.Data!.Split(' ');
        Assert.Equal(5000, samples.Length);
        Assert.Equal(Math.Round(Cases.StemiTransport().Ecg!.Millivolts[1][100] * 1000), double.Parse(samples[100], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void An_alert_is_a_detected_issue_with_its_evidence_pointing_at_the_ecg_and_its_acknowledgement()
    {
        var bundle = HandoverDocumentBuilder.Build(Cases.StemiTransport());

        var issue = Resources<DetectedIssue>(bundle).Single();
        var ecgUrl = bundle.Entry.Single(e => e.Resource is Observation o && o.Code.Coding.Any(c => c.Code == "131328")).FullUrl;
        Assert.Equal(2, issue.Evidence.Count);
        Assert.Contains("V2 0.35 mV", issue.Evidence[0].Code.Single().Text, StringComparison.Ordinal);
        Assert.All(issue.Evidence, e => Assert.Equal(ecgUrl, e.Detail.Single().Reference));
        Assert.Equal("Acknowledged by dr-ed", issue.Mitigation.Single().Action.Text);
        Assert.Equal(DetectedIssue.DetectedIssueSeverity.High, issue.Severity);
    }

    [Fact]
    public void Medications_given_carry_dose_in_ucum_route_and_time()
    {
        var bundle = HandoverDocumentBuilder.Build(Cases.StemiTransport());

        var heparin = Resources<MedicationAdministration>(bundle).Single(m => ((CodeableConcept)m.Medication).Text == "Heparin");
        Assert.Equal(5000m, heparin.Dosage!.Dose!.Value);
        Assert.Equal("[iU]", heparin.Dosage!.Dose!.Code);
        Assert.Equal("http://unitsofmeasure.org", heparin.Dosage!.Dose!.System);
        Assert.Equal("IV", heparin.Dosage!.Route!.Text);
        Assert.Equal(MedicationAdministration.MedicationAdministrationStatusCodes.Completed, heparin.Status);
    }

    [Fact]
    public void The_crew_member_who_recorded_the_entries_authors_the_document_and_is_recorder_of_procedures()
    {
        var bundle = HandoverDocumentBuilder.Build(Cases.StemiTransport());

        var practitioner = bundle.Entry.Single(e => e.Resource is Practitioner);
        Assert.Equal("medic-7", ((Practitioner)practitioner.Resource!).Identifier.Single().Value);
        Assert.Contains(Resources<Composition>(bundle).Single().Author, a => a.Reference == practitioner.FullUrl);
        Assert.All(Resources<Procedure>(bundle), p => Assert.Equal(practitioner.FullUrl, p.Recorder!.Reference));
    }

    private static IEnumerable<T> Resources<T>(Bundle bundle) where T : Resource => bundle.Entry.Select(e => e.Resource).OfType<T>();

    private static Composition.SectionComponent Section(List<Composition.SectionComponent> sections, string title) =>
        sections.Single(s => s.Title == title);

    [GeneratedRegex("\"reference\":\"([^\"]*)\"")]
    private static partial Regex ReferencePattern();
}
