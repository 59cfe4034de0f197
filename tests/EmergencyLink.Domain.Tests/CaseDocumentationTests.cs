using System.Text.Json;
using System.Text.Json.Serialization;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Documentation;
using EmergencyLink.Domain.Geography;

namespace EmergencyLink.Domain.Tests;

public sealed class CaseDocumentationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private static IncidentRecord NewCase() =>
        IncidentCase.Open("INC-000001", new NewIncident(new GeoPoint(44, -38), "chest pain", 2), "calltaker", T0);

    private static NewCareEntry Aspirin(double mg = 300) =>
        new(CareEntryKind.MedicationGiven, "aspirin", T0.AddMinutes(12), new ClinicalCode("http://www.nlm.nih.gov/research/umls/rxnorm", "1191", "aspirin"), mg, "mg", "PO");

    [Fact]
    public void An_entry_is_stamped_with_its_author_and_both_times_and_goes_on_the_timeline()
    {
        var record = NewCase();

        var outcome = CaseDocumentation.Record(record, Aspirin(), "paramedic Ada", T0.AddMinutes(15));

        Assert.True(outcome.Accepted);
        var entry = outcome.Entry!;
        Assert.Equal(("D1", "paramedic Ada", T0.AddMinutes(12), T0.AddMinutes(15)), (entry.Id, entry.Author, entry.At, entry.RecordedAt));
        var step = record.Timeline[^1];
        Assert.Equal((TimelineEvent?)TimelineEvent.Documented, step.Event);
        Assert.Equal("D1 MedicationGiven: aspirin 300 mg PO", step.Detail);
        Assert.Equal((CaseState.Received, CaseState.Received), (step.From, step.To));
    }

    [Fact]
    public void An_entry_without_a_time_happened_when_it_was_recorded()
    {
        var record = NewCase();

        var entry = CaseDocumentation.Record(record, new NewCareEntry(CareEntryKind.ChiefComplaint, "crushing chest pain for 40 minutes"), "paramedic Ada", T0.AddMinutes(9)).Entry!;

        Assert.Equal(T0.AddMinutes(9), entry.At);
    }

    [Fact]
    public void A_correction_keeps_the_original_and_the_current_record_shows_the_correction_in_its_place()
    {
        var record = NewCase();
        CaseDocumentation.Record(record, new NewCareEntry(CareEntryKind.ChiefComplaint, "chest pain"), "ada", T0.AddMinutes(5));
        CaseDocumentation.Record(record, Aspirin(30), "ada", T0.AddMinutes(15));
        CaseDocumentation.Record(record, new NewCareEntry(CareEntryKind.Impression, "inferior STEMI"), "ada", T0.AddMinutes(16));

        var corrected = CaseDocumentation.Amend(record, "D2", Aspirin(300), retract: false, "dose mistyped", "ada", T0.AddMinutes(17));

        Assert.True(corrected.Accepted);
        Assert.Equal(("D4", "D2", "dose mistyped"), (corrected.Entry!.Id, corrected.Entry.Amends, corrected.Entry.Reason));
        Assert.Equal(30, record.Documentation[1].Value);
        Assert.Equal(["D1", "D4", "D3"], CaseDocumentation.Current(record.Documentation).Select(e => e.Id));
        Assert.Equal((TimelineEvent?)TimelineEvent.DocumentationAmended, record.Timeline[^1].Event);
        Assert.Contains("D4 corrects D2 (dose mistyped)", record.Timeline[^1].Detail);
    }

    [Fact]
    public void A_withdrawn_entry_leaves_the_current_record_but_not_the_full_one()
    {
        var record = NewCase();
        CaseDocumentation.Record(record, new NewCareEntry(CareEntryKind.Allergy, "penicillin"), "ada", T0.AddMinutes(5));

        var withdrawn = CaseDocumentation.Amend(record, "D1", null, retract: true, "wrong patient's allergy", "ada", T0.AddMinutes(6));

        Assert.True(withdrawn.Entry!.Retracted);
        Assert.Empty(CaseDocumentation.Current(record.Documentation));
        Assert.Equal(2, record.Documentation.Count);
        Assert.False(CaseDocumentation.Amend(record, "D2", null, retract: true, "again", "ada", T0.AddMinutes(7)).Accepted);
    }

    [Fact]
    public void Only_the_latest_version_of_an_entry_can_be_corrected()
    {
        var record = NewCase();
        CaseDocumentation.Record(record, Aspirin(30), "ada", T0.AddMinutes(15));
        CaseDocumentation.Amend(record, "D1", Aspirin(300), retract: false, "dose", "ada", T0.AddMinutes(16));

        var stale = CaseDocumentation.Amend(record, "D1", Aspirin(150), retract: false, "dose", "ben", T0.AddMinutes(16));
        var chained = CaseDocumentation.Amend(record, "D2", Aspirin(160), retract: false, "dose again", "ben", T0.AddMinutes(17));

        Assert.Contains("amend D2 instead", stale.Error);
        Assert.True(chained.Accepted);
        Assert.Equal(160, Assert.Single(CaseDocumentation.Current(record.Documentation)).Value);
    }

    [Fact]
    public void A_correction_must_keep_its_kind_and_give_a_reason_and_an_unknown_entry_is_not_found()
    {
        var record = NewCase();
        CaseDocumentation.Record(record, Aspirin(), "ada", T0.AddMinutes(15));

        Assert.Contains("MedicationGiven", CaseDocumentation.Amend(record, "D1", new NewCareEntry(CareEntryKind.Note, "x"), false, "r", "ada", T0.AddMinutes(16)).Error);
        Assert.Contains("reason", CaseDocumentation.Amend(record, "D1", Aspirin(), false, " ", "ada", T0.AddMinutes(16)).Error);
        Assert.True(CaseDocumentation.Amend(record, "D9", Aspirin(), false, "r", "ada", T0.AddMinutes(16)).Refusal == DocumentationRefusal.NotFound);
        Assert.Single(record.Documentation);
    }

    [Fact]
    public void The_current_patient_is_the_latest_patient_entry_and_a_birth_date_gives_the_exact_age()
    {
        var record = NewCase();
        CaseDocumentation.Record(record, new NewCareEntry(CareEntryKind.Patient, "patient", Patient: new PatientDetails(null, AdministrativeSex.Male, null, 60, true)), "ada", T0.AddMinutes(5));
        Assert.Equal("unknown male, about 60", CaseDocumentation.CurrentPatient(record.Documentation)!.Describe());

        CaseDocumentation.Amend(record, "D1", new NewCareEntry(CareEntryKind.Patient, "identified from his wallet",
            Patient: new PatientDetails("John Doe", AdministrativeSex.Male, new DateOnly(1968, 3, 1), null, false)), false, "identified", "ada", T0.AddMinutes(20));

        var patient = CaseDocumentation.CurrentPatient(record.Documentation)!;
        Assert.Equal((58, false), (patient.AgeYears, patient.AgeEstimated));
        Assert.Equal("John Doe, male, 58", patient.Describe());
    }

    [Fact]
    public void The_record_comes_back_unchanged_from_json_as_grain_storage_writes_it()
    {
        var record = NewCase();
        CaseDocumentation.Record(record, new NewCareEntry(CareEntryKind.Patient, "p", Patient: new PatientDetails("Ann Lee", AdministrativeSex.Female, new DateOnly(1970, 2, 3), null, false, "NHS 943 476 5919")), "ada", T0.AddMinutes(5));
        CaseDocumentation.Record(record, new NewCareEntry(CareEntryKind.Assessment, "GCS E4V4M6", Value: 14, Components: [new ScoreComponent("eye", 4, new ClinicalCode("http://loinc.org", "9267-6", "eye"))]), "ada", T0.AddMinutes(6));
        CaseDocumentation.Record(record, Aspirin(), "ada", T0.AddMinutes(15));
        CaseDocumentation.Amend(record, "D3", null, retract: true, "not given", "ada", T0.AddMinutes(16));
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

        var back = JsonSerializer.Deserialize<IncidentRecord>(JsonSerializer.Serialize(record, options), options)!;

        Assert.Equal(JsonSerializer.Serialize(record.Documentation, options), JsonSerializer.Serialize(back.Documentation, options));
        Assert.Equal(record.Documentation[0], back.Documentation[0]);
        Assert.Equal(["D1", "D2"], CaseDocumentation.Current(back.Documentation).Select(e => e.Id));
    }

    public static TheoryData<NewCareEntry, string> Invalid => new()
    {
        { new NewCareEntry(CareEntryKind.Note, " "), "text" },
        { new NewCareEntry(CareEntryKind.Note, new string('x', 501)), "text" },
        { new NewCareEntry(CareEntryKind.Note, "late", T0.AddHours(1)), "at" },
        { new NewCareEntry(CareEntryKind.Note, "ancient", T0.AddDays(-2)), "at" },
        { new NewCareEntry(CareEntryKind.MedicationGiven, "aspirin", Unit: "mg", Route: "PO"), "value" },
        { new NewCareEntry(CareEntryKind.MedicationGiven, "aspirin", Value: 300, Route: "PO"), "unit" },
        { new NewCareEntry(CareEntryKind.MedicationGiven, "aspirin", Value: 300, Unit: "mg"), "route" },
        { new NewCareEntry(CareEntryKind.Assessment, "GCS"), "value" },
        { new NewCareEntry(CareEntryKind.Assessment, "pain", Value: double.NaN), "value" },
        { new NewCareEntry(CareEntryKind.Patient, "patient"), "patient" },
        { new NewCareEntry(CareEntryKind.Note, "n", Patient: new PatientDetails(null, AdministrativeSex.Male, null, null, false)), "patient" },
        { new NewCareEntry(CareEntryKind.Patient, "p", Patient: new PatientDetails(null, AdministrativeSex.Female, null, 131, true)), "patient.ageYears" },
        { new NewCareEntry(CareEntryKind.Patient, "p", Patient: new PatientDetails(null, AdministrativeSex.Female, new DateOnly(2030, 1, 1), null, false)), "patient.birthDate" },
        { new NewCareEntry(CareEntryKind.Patient, "p", Patient: new PatientDetails("Ann", AdministrativeSex.Female, new DateOnly(1970, 1, 1), 30, false)), "patient.ageYears" },
        { new NewCareEntry(CareEntryKind.Patient, "p", Patient: new PatientDetails("", AdministrativeSex.Female, null, null, false)), "patient.name" },
        { new NewCareEntry(CareEntryKind.Patient, "p", Patient: new PatientDetails(null, (AdministrativeSex)9, null, null, false)), "patient.sex" },
        { new NewCareEntry(CareEntryKind.Note, "n", Code: new ClinicalCode("snomed", "1", "x")), "code.system" },
        { new NewCareEntry(CareEntryKind.Note, "n", Code: new ClinicalCode("http://snomed.info/sct", "1 2", "x")), "code.code" },
        { new NewCareEntry(CareEntryKind.Assessment, "GCS", Components: [new ScoreComponent("", 3)]), "components[0].name" },
        { new NewCareEntry((CareEntryKind)42, "n"), "kind" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void An_invalid_entry_is_refused_by_field_and_changes_nothing(NewCareEntry entry, string field)
    {
        var record = NewCase();
        var timeline = record.Timeline.Count;

        var errors = CaseDocumentation.Validate(entry, T0, T0.AddMinutes(10));
        var outcome = CaseDocumentation.Record(record, entry, "ada", T0.AddMinutes(10));

        Assert.Contains(field, errors.Keys);
        Assert.False(outcome.Accepted);
        Assert.Empty(record.Documentation);
        Assert.Equal(timeline, record.Timeline.Count);
    }
}
