using EmergencyLink.Domain.Telemetry;
using Hl7.Fhir.Model;

namespace EmergencyLink.Handover;

public static partial class HandoverDocumentBuilder
{
    private static readonly VitalParameter[] ChartedParameters = Enum.GetValues<VitalParameter>();

    private static Composition.SectionComponent VitalSignsSection(ClinicalContext context)
    {
        var readings = context.Case.Vitals;
        var entries = new List<ResourceReference>();
        // The narrative is the ePCR's grid: one row per charted time, one column per parameter, the most abnormal
        // value starred, which is how a receiving clinician scans a trend.
        var grid = new SortedDictionary<DateTimeOffset, string[]>();
        for (var p = 0; p < ChartedParameters.Length; p++)
        {
            var parameter = ChartedParameters[p];
            foreach (var charted in VitalsCharting.Chart(readings, parameter))
            {
                var reading = readings[charted.Index];
                var observation = VitalObservation(context, parameter, reading);
                if (charted.MostAbnormal)
                {
                    observation.Note = [new Annotation { Text = "Most abnormal value of this parameter while monitored." }];
                }

                entries.Add(context.Doc.Add(observation, $"vitals/{parameter}/{charted.Index}"));
                if (!grid.TryGetValue(reading.At, out var row))
                {
                    row = new string[ChartedParameters.Length + 1];
                    Array.Fill(row, "");
                    row[0] = Clock(reading.At);
                    grid[reading.At] = row;
                }

                row[p + 1] = Reading(parameter, reading.Vitals) + (charted.MostAbnormal ? " *" : "");
            }
        }

        var text = new XhtmlNarrative();
        if (grid.Count > 0)
        {
            text.Paragraph(VitalsCharting.RuleText + " * marks the most abnormal value.")
                .Table(["Time", .. ChartedParameters.Select(Label)], grid.Values);
        }
        else
        {
            text.Paragraph("No monitor readings.");
        }

        return Section("Vital signs", FhirCodes.LoincConcept("8716-3", "Vital signs"), text, entries);
    }

    private static Observation VitalObservation(ClinicalContext context, VitalParameter parameter, VitalsReading reading)
    {
        var vitals = reading.Vitals;
        var observation = new Observation
        {
            Status = ObservationStatus.Final,
            Category = [FhirCodes.ObservationCategoryConcept("vital-signs", "Vital Signs")],
            Subject = context.Patient,
            Encounter = context.Encounter,
            Effective = new FhirDateTime(reading.At),
        };
        switch (parameter)
        {
            case VitalParameter.HeartRate:
                Profile(observation, "heartrate");
                observation.Code = FhirCodes.LoincConcept("8867-4", "Heart rate");
                observation.Value = Ucum(vitals.HeartRate!.Value, "/min", "beats/minute");
                break;
            case VitalParameter.OxygenSaturation:
                Profile(observation, "oxygensat");
                // The R4 oxygensat profile requires LOINC 2708-6; 59408-5 says it was measured by pulse oximetry.
                observation.Code = new CodeableConcept
                {
                    Coding =
                    [
                        new Coding(FhirCodes.Loinc, "2708-6", "Oxygen saturation in Arterial blood"),
                        new Coding(FhirCodes.Loinc, "59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry"),
                    ],
                };
                observation.Value = Ucum(vitals.SpO2!.Value, "%", "%");
                break;
            case VitalParameter.RespiratoryRate:
                Profile(observation, "resprate");
                observation.Code = FhirCodes.LoincConcept("9279-1", "Respiratory rate");
                observation.Value = Ucum(vitals.RespiratoryRate!.Value, "/min", "breaths/minute");
                break;
            case VitalParameter.BloodPressure:
                Profile(observation, "bp");
                observation.Code = FhirCodes.LoincConcept("85354-9", "Blood pressure panel with all children optional");
                observation.Component =
                [
                    PressureComponent("8480-6", "Systolic blood pressure", vitals.SystolicMmHg),
                    PressureComponent("8462-4", "Diastolic blood pressure", vitals.DiastolicMmHg),
                ];
                if (vitals.MeanMmHg is { } mean)
                {
                    observation.Component.Add(PressureComponent("8478-0", "Mean blood pressure", mean));
                }

                break;
            case VitalParameter.BodyTemperature:
                Profile(observation, "bodytemp");
                observation.Code = FhirCodes.LoincConcept("8310-5", "Body temperature");
                observation.Value = Ucum(vitals.TemperatureC!.Value, "Cel", "C");
                break;
            case VitalParameter.EndTidalCo2:
                // No R4 vital-signs profile covers EtCO2, so it is a plain Observation. The monitor reports a partial
                // pressure in mmHg: LOINC 19891-1 (19889-5 is the volume fraction in %).
                observation.Code = FhirCodes.LoincConcept("19891-1", "Carbon dioxide [Partial pressure] in Exhaled gas --at end expiration");
                observation.Value = Ucum(vitals.EtCO2MmHg!.Value, "mm[Hg]", "mmHg");
                break;
        }

        return observation;
    }

    private static void Profile(Observation observation, string specific) =>
        observation.Meta = new Meta { Profile = [FhirCodes.VitalSignsProfile, "http://hl7.org/fhir/StructureDefinition/" + specific] };

    private static Quantity Ucum(double value, string code, string unit) =>
        new() { Value = Math.Round((decimal)value, 1), Unit = unit, System = FhirCodes.Ucum, Code = code };

    private static Observation.ComponentComponent PressureComponent(string code, string display, double? value)
    {
        var component = new Observation.ComponentComponent { Code = FhirCodes.LoincConcept(code, display) };
        if (value is { } v)
        {
            component.Value = Ucum(v, "mm[Hg]", "mmHg");
        }
        else
        {
            // The bp profile requires both components; a cuff that gave only one says the other is missing (vs-3).
            component.DataAbsentReason = FhirCodes.Concept("http://terminology.hl7.org/CodeSystem/data-absent-reason", "unknown", "Unknown");
        }

        return component;
    }

    private static string Label(VitalParameter parameter) => parameter switch
    {
        VitalParameter.HeartRate => "HR /min",
        VitalParameter.OxygenSaturation => "SpO2 %",
        VitalParameter.RespiratoryRate => "RR /min",
        VitalParameter.BloodPressure => "BP mmHg",
        VitalParameter.BodyTemperature => "Temp °C",
        VitalParameter.EndTidalCo2 => "EtCO2 mmHg",
        _ => parameter.ToString(),
    };

    private static string Reading(VitalParameter parameter, VitalSigns v) => parameter switch
    {
        VitalParameter.HeartRate => Number(Math.Round(v.HeartRate!.Value, 1)),
        VitalParameter.OxygenSaturation => Number(Math.Round(v.SpO2!.Value, 1)),
        VitalParameter.RespiratoryRate => Number(Math.Round(v.RespiratoryRate!.Value, 1)),
        VitalParameter.BloodPressure => $"{(v.SystolicMmHg is { } s ? Number(Math.Round(s)) : "?")}/{(v.DiastolicMmHg is { } d ? Number(Math.Round(d)) : "?")}",
        VitalParameter.BodyTemperature => Number(Math.Round(v.TemperatureC!.Value, 1)),
        VitalParameter.EndTidalCo2 => Number(Math.Round(v.EtCO2MmHg!.Value, 1)),
        _ => "",
    };
}
