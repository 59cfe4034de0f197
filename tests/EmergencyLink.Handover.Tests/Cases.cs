using EmergencyLink.Domain.Alerts;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Documentation;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Handover.Tests;

/// <summary>Handover inputs built from Domain records directly, on a fixed clock, so every document is reproducible.</summary>
public static class Cases
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    public static readonly HandoverOrganization Agency = new("agency-1", "EmergencyLink EMS");
    public static readonly HandoverOrganization Hopkins = new("jhh", "Johns Hopkins Hospital");
    private static readonly GeoPoint Scene = new(39.2970, -76.5920);
    private const string Medic = "medic-7";

    public static HandoverCase StemiTransport()
    {
        var onScene = T0.AddMinutes(8);
        var docs = new List<CareEntry>
        {
            Entry("D1", CareEntryKind.Patient, onScene.AddMinutes(1), "patient",
                patient: new PatientDetails("John Smith", AdministrativeSex.Male, new DateOnly(1964, 3, 2), 62, false, "MD-DL-448812")),
            Entry("D2", CareEntryKind.ChiefComplaint, onScene.AddMinutes(1), "Crushing central chest pain radiating to the left arm, 40 minutes"),
            Entry("D3", CareEntryKind.History, onScene.AddMinutes(2), "Hypertension, type 2 diabetes, smoker"),
            Entry("D4", CareEntryKind.Allergy, onScene.AddMinutes(2), "Penicillin (rash)"),
            Entry("D5", CareEntryKind.Medication, onScene.AddMinutes(2), "Metformin 500 mg twice daily"),
            Entry("D6", CareEntryKind.Medication, onScene.AddMinutes(2), "Lisinopril 10 mg daily"),
            Entry("D7", CareEntryKind.Assessment, onScene.AddMinutes(3), "GCS", value: 15, components:
            [
                new ScoreComponent("Eye", 4), new ScoreComponent("Verbal", 5), new ScoreComponent("Motor", 6),
            ]),
            Entry("D8", CareEntryKind.Assessment, onScene.AddMinutes(3), "Pain score", value: 8),
            Entry("D9", CareEntryKind.Treatment, onScene.AddMinutes(4), "IV access 18G left antecubital fossa"),
            Entry("D10", CareEntryKind.MedicationGiven, onScene.AddMinutes(5), "Aspirin", value: 300, unit: "mg", route: "PO",
                code: new ClinicalCode("http://www.nlm.nih.gov/research/umls/rxnorm", "1191", "Aspirin")),
            Entry("D11", CareEntryKind.MedicationGiven, onScene.AddMinutes(6), "Glyceryl trinitrate", value: 400, unit: "ug", route: "SL"),
            Entry("D12", CareEntryKind.MedicationGiven, onScene.AddMinutes(12), "Heparin", value: 5000, unit: "[iU]", route: "IV"),
            Entry("D13", CareEntryKind.Impression, onScene.AddMinutes(6), "Anterior STEMI",
                code: new ClinicalCode("http://snomed.info/sct", "54329005", "Acute myocardial infarction of anterior wall")),
        };
        var alerts = new List<CaseAlert>
        {
            new("A1", AlertKind.Stemi, "ecg-analysis", "ST elevation in V1-V4 meets STEMI criteria",
                [
                    new AlertEvidence("V2", 0.35, "mV", "ST elevation >= 0.25 mV (men under 40: 0.25, otherwise 0.2)"),
                    new AlertEvidence("V3", 0.30, "mV", "ST elevation >= 0.2 mV in two contiguous leads"),
                ],
                onScene.AddMinutes(4), onScene.AddMinutes(4).AddSeconds(2), "dr-ed", onScene.AddMinutes(9)),
        };
        return new HandoverCase(
            "case-stemi-1", CaseState.HandedOver, 1, "Chest pain, 62-year-old man", "1800 Orleans St, Baltimore", Scene, T0, null,
            Timeline(T0, CaseState.HandedOver, null), docs, alerts, Agency, "medic-12", Hopkins,
            Vitals(onScene, TimeSpan.FromMinutes(40)), Strip(onScene.AddMinutes(4), "ST elevation V1-V4"), 1, onScene.AddMinutes(50));
    }

    public static HandoverCase UnidentifiedTrauma()
    {
        var onScene = T0.AddMinutes(6);
        var docs = new List<CareEntry>
        {
            Entry("D1", CareEntryKind.Patient, onScene.AddMinutes(1), "patient",
                patient: new PatientDetails(null, AdministrativeSex.Male, null, 60, true)),
            Entry("D2", CareEntryKind.ChiefComplaint, onScene.AddMinutes(1), "Motorcyclist versus car, open femur fracture"),
            Entry("D3", CareEntryKind.Assessment, onScene.AddMinutes(2), "GCS", value: 11, components:
            [
                new ScoreComponent("Eye", 3), new ScoreComponent("Verbal", 3), new ScoreComponent("Motor", 5),
            ]),
            Entry("D4", CareEntryKind.Treatment, onScene.AddMinutes(3), "Tourniquet right thigh"),
            Entry("D5", CareEntryKind.Treatment, onScene.AddMinutes(9), "Traction splint right leg"),
            Entry("D6", CareEntryKind.Impression, onScene.AddMinutes(10), "Major trauma: open femur fracture, head injury"),
        };
        var alerts = new List<CaseAlert>
        {
            new("A1", AlertKind.MajorTrauma, "crew", "Field triage red criteria",
                [new AlertEvidence("GCS", 11, null, "GCS <= 13"), new AlertEvidence("Injury", null, null, "Open long-bone fracture")],
                onScene.AddMinutes(2), onScene.AddMinutes(2)),
        };
        return new HandoverCase(
            "case-trauma-2", CaseState.Transporting, 1, "Road traffic collision, motorcyclist", "E Monument St & N Wolfe St, Baltimore", Scene, T0,
            null, Timeline(T0, CaseState.Transporting, null), docs, alerts, Agency, "medic-3", Hopkins,
            Vitals(onScene, TimeSpan.FromMinutes(15)), null, 1, onScene.AddMinutes(20));
    }

    public static HandoverCase Cancelled() => new(
        "case-cancel-3", CaseState.Cancelled, 3, "Fall, caller unsure", "400 N Broadway, Baltimore", Scene, T0, null,
        Timeline(T0, CaseState.Cancelled, null), [], [], Agency, "medic-5", null, [], null, 1, T0.AddMinutes(12));

    public static HandoverCase NoTransport()
    {
        var onScene = T0.AddMinutes(9);
        var docs = new List<CareEntry>
        {
            Entry("D1", CareEntryKind.Patient, onScene.AddMinutes(1), "patient",
                patient: new PatientDetails("Mary Jones", AdministrativeSex.Female, null, 78, false)),
            Entry("D2", CareEntryKind.ChiefComplaint, onScene.AddMinutes(1), "Fall at home, no injury"),
            Entry("D3", CareEntryKind.Allergy, onScene.AddMinutes(2), "No known drug allergies"),
            Entry("D4", CareEntryKind.Assessment, onScene.AddMinutes(3), "Blood glucose", value: 6.2, unit: "mmol/L"),
            Entry("D5", CareEntryKind.Note, onScene.AddMinutes(15), "Capacity assessed; patient declines transport, daughter present"),
        };
        return new HandoverCase(
            "case-nt-4", CaseState.Closed, 4, "Elderly fall, lift assist", "2100 E Fayette St, Baltimore", Scene, T0,
            NoTransportDisposition.PatientRefused, Timeline(T0, CaseState.Closed, NoTransportDisposition.PatientRefused), docs, [], Agency,
            "medic-9", null, Vitals(onScene, TimeSpan.FromMinutes(6)), null, 1, onScene.AddMinutes(20));
    }

    public static CareEntry Entry(
        string id, CareEntryKind kind, DateTimeOffset at, string text, double? value = null, string? unit = null, string? route = null,
        PatientDetails? patient = null, IReadOnlyList<ScoreComponent>? components = null, ClinicalCode? code = null, string? amends = null,
        string? reason = null, bool retracted = false) =>
        new(id, kind, at, at.AddSeconds(30), Medic, text, code, value, unit, route, patient, components, amends, reason, retracted);

    /// <summary>A deteriorating-then-improving patient, one reading a second: HR 110 → 125 → 95, SpO2 dipping to 88 at 20 min.</summary>
    public static List<VitalsReading> Vitals(DateTimeOffset start, TimeSpan length)
    {
        var seconds = (int)length.TotalSeconds;
        var readings = new List<VitalsReading>(seconds);
        for (var s = 0; s < seconds; s++)
        {
            var phase = s / (double)seconds;
            var heartRate = 110 + 15 * Math.Sin(Math.PI * phase) - 15 * phase;
            var spo2 = 96 - 8 * Math.Exp(-Math.Pow((s - 1200) / 60.0, 2));
            readings.Add(new VitalsReading(start.AddSeconds(s), new VitalSigns(
                Math.Round(heartRate), Math.Round(spo2), 150 - 20 * phase, 90 - 10 * phase, 110 - 13 * phase, 22 - 4 * phase,
                s % 2 == 0 ? 38 : null, s % 60 == 0 ? 36.8 : null)));
        }

        return readings;
    }

    public static EcgStrip Strip(DateTimeOffset start, string reason)
    {
        string[] leads = ["I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"];
        const int rate = 500;
        var data = new List<double[]>();
        for (var l = 0; l < leads.Length; l++)
        {
            var samples = new double[10 * rate];
            for (var i = 0; i < samples.Length; i++)
            {
                var t = i / (double)rate % 0.8;
                samples[i] = (l % 3 == 0 ? -1 : 1) * (1.2 * Math.Exp(-Math.Pow((t - 0.2) / 0.012, 2)) + 0.25 * Math.Exp(-Math.Pow((t - 0.45) / 0.05, 2)));
            }

            data.Add(samples);
        }

        return new EcgStrip(start, rate, leads, data, reason);
    }

    public static List<TimelineEntry> Timeline(DateTimeOffset t0, CaseState final, NoTransportDisposition? disposition)
    {
        var steps = final switch
        {
            CaseState.Cancelled => new (CaseTrigger, CaseState, CaseState)[]
            {
                (CaseTrigger.Triage, CaseState.Received, CaseState.Triaged),
                (CaseTrigger.Assign, CaseState.Triaged, CaseState.Dispatched),
                (CaseTrigger.Cancel, CaseState.Dispatched, CaseState.Cancelled),
            },
            CaseState.Closed when disposition is not null =>
            [
                (CaseTrigger.Triage, CaseState.Received, CaseState.Triaged),
                (CaseTrigger.Assign, CaseState.Triaged, CaseState.Dispatched),
                (CaseTrigger.EnRoute, CaseState.Dispatched, CaseState.EnRoute),
                (CaseTrigger.ArriveScene, CaseState.EnRoute, CaseState.OnScene),
                (CaseTrigger.NoTransport, CaseState.OnScene, CaseState.Closed),
            ],
            _ =>
            [
                (CaseTrigger.Triage, CaseState.Received, CaseState.Triaged),
                (CaseTrigger.Assign, CaseState.Triaged, CaseState.Dispatched),
                (CaseTrigger.EnRoute, CaseState.Dispatched, CaseState.EnRoute),
                (CaseTrigger.ArriveScene, CaseState.EnRoute, CaseState.OnScene),
                (CaseTrigger.Transport, CaseState.OnScene, CaseState.Transporting),
                (CaseTrigger.ArriveHospital, CaseState.Transporting, CaseState.AtHospital),
                (CaseTrigger.Handover, CaseState.AtHospital, CaseState.HandedOver),
            ],
        };
        var timeline = new List<TimelineEntry> { new(1, t0, "dispatcher-1", null, CaseState.Received, CaseState.Received, "call received") };
        var at = t0;
        foreach (var (trigger, from, to) in steps)
        {
            at = at.AddMinutes(trigger is CaseTrigger.Transport ? 20 : 3);
            timeline.Add(new TimelineEntry(timeline.Count + 1, at, Medic, trigger, from, to,
                trigger == CaseTrigger.NoTransport ? disposition.ToString() : null));
            if (to == final)
            {
                break;
            }
        }

        return timeline;
    }
}
