using EmergencyLink.Domain.Documentation;

namespace EmergencyLink.Domain.Demo;

/// <summary>
/// What a demo crew writes on scene, so the handover document has a patient, a complaint and a treatment: the
/// usual first-line drug for the scenario (aspirin for chest pain, salbutamol for wheeze, fluids for sepsis), or
/// an impression where the crew gives nothing. Scenario names are those of the Clinical library's
/// <c>SyntheticScenarios</c>, which the domain does not reference.
/// </summary>
public static class DemoDocumentation
{
    public static IReadOnlyList<NewCareEntry> For(DemoCall call, Random random)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(random);
        var sex = random.Next(2) == 0 ? AdministrativeSex.Male : AdministrativeSex.Female;
        var age = call.Kind.Scenario == "asthma-improving" ? random.Next(18, 45) : random.Next(45, 90);
        var patient = new PatientDetails(null, sex, null, age, AgeEstimated: true);
        List<NewCareEntry> entries =
        [
            new(CareEntryKind.Patient, patient.Describe(), Patient: patient),
            new(CareEntryKind.ChiefComplaint, call.Kind.Complaint),
        ];
        entries.Add(call.Kind.Scenario switch
        {
            "stemi-inferior" or "stemi-anterior" or "stemi-lateral" =>
                new NewCareEntry(CareEntryKind.MedicationGiven, "aspirin", Value: 300, Unit: "mg", Route: "PO"),
            "asthma-improving" =>
                new NewCareEntry(CareEntryKind.MedicationGiven, "salbutamol", Value: 5, Unit: "mg", Route: "inhaled"),
            "sepsis" =>
                new NewCareEntry(CareEntryKind.MedicationGiven, "sodium chloride 0.9 %", Value: 500, Unit: "mL", Route: "IV"),
            "stroke" =>
                new NewCareEntry(CareEntryKind.Impression, "suspected stroke; last known well under an hour ago"),
            _ => new NewCareEntry(CareEntryKind.Impression, "stable on scene; observations within normal limits"),
        });
        return entries;
    }
}
