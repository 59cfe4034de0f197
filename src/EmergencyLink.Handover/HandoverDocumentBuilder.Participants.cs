using System.Globalization;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Documentation;
using Hl7.Fhir.Model;

namespace EmergencyLink.Handover;

public static partial class HandoverDocumentBuilder
{
    private static Patient BuildPatient(PatientDetails? details, HandoverCase handover)
    {
        var patient = new Patient
        {
            Gender = details?.Sex switch
            {
                AdministrativeSex.Male => AdministrativeGender.Male,
                AdministrativeSex.Female => AdministrativeGender.Female,
                AdministrativeSex.Other => AdministrativeGender.Other,
                _ => AdministrativeGender.Unknown,
            },
            Text = new XhtmlNarrative().Paragraph(Describe(details)).ToNarrative(),
        };
        if (details is null)
        {
            // No patient contact (cancelled, no patient found): the document still needs a subject, and saying so
            // in the name slot is what an ED board shows for "no patient".
            patient.Name = [new HumanName { Use = HumanName.NameUse.Temp, Text = "No patient details recorded" }];
            return patient;
        }

        // An unidentified patient gets a temporary name (use "temp", as EDs do for "Trauma, Alpha") holding the
        // description a clinician recognises: "unknown male, about 60". It never pretends to be a real name.
        patient.Name = details.Name is { } name
            ? [new HumanName { Use = HumanName.NameUse.Official, Text = FhirCodes.Clean(name) }]
            : [new HumanName { Use = HumanName.NameUse.Temp, Text = FhirCodes.Clean(details.Describe()) }];
        if (details.BirthDate is { } born)
        {
            patient.BirthDate = born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (details.Identifier is { } identifier)
        {
            patient.Identifier = [new Identifier { Value = FhirCodes.Clean(identifier), Type = FhirCodes.TextConcept("Identity document seen by the crew") }];
        }

        return patient;
    }

    private static Organization BuildOrganization(HandoverOrganization organization, string role) => new()
    {
        Active = true,
        Name = FhirCodes.Clean(organization.Name),
        Identifier = [new Identifier { Value = FhirCodes.Clean(organization.Id) }],
        Type = [FhirCodes.TextConcept(role)],
    };

    private static Encounter BuildEncounter(
        HandoverCase handover, ResourceReference patient, ResourceReference agency, ResourceReference scene, ResourceReference vehicle,
        ResourceReference? destination)
    {
        var end = handover.Timeline
            .Where(t => t.From != t.To && t.To is CaseState.HandedOver or CaseState.Closed or CaseState.Cancelled)
            .Select(t => (DateTimeOffset?)t.At)
            .FirstOrDefault();
        var encounter = new Encounter
        {
            Status = handover.State switch
            {
                CaseState.Received or CaseState.Triaged or CaseState.Dispatched or CaseState.EnRoute => Encounter.EncounterStatus.Planned,
                CaseState.OnScene or CaseState.Transporting or CaseState.AtHospital => Encounter.EncounterStatus.InProgress,
                CaseState.Cancelled => Encounter.EncounterStatus.Cancelled,
                _ => Encounter.EncounterStatus.Finished,
            },
            // v3 ActCode FLD ("field"): care given outside a healthcare facility and outside the patient's home,
            // which is what an ambulance attendance is; EMER would describe the receiving ED's encounter instead.
            Class = new Coding(FhirCodes.ActCode, "FLD", "field"),
            Priority = handover.Priority == 1
                ? FhirCodes.Concept(FhirCodes.ActPriority, "EM", "emergency")
                : FhirCodes.TextConcept(string.Create(CultureInfo.InvariantCulture, $"Dispatch priority {handover.Priority}")),
            Subject = patient,
            ServiceProvider = agency,
            Period = new Period
            {
                StartElement = new FhirDateTime(handover.CreatedAt),
                EndElement = end is { } at ? new FhirDateTime(at) : null,
            },
            Location =
            [
                new Encounter.LocationComponent { Location = scene, Status = Encounter.EncounterLocationStatus.Completed },
                new Encounter.LocationComponent { Location = vehicle },
            ],
            ReasonCode = [FhirCodes.TextConcept(handover.Complaint)],
        };
        if (destination is not null || handover.Disposition is not null)
        {
            encounter.Hospitalization = new Encounter.HospitalizationComponent
            {
                Destination = destination,
                DischargeDisposition = handover.Disposition is { } disposition ? FhirCodes.TextConcept(DispositionText(disposition)) : null,
            };
        }

        return encounter;
    }

    internal static string DispositionText(NoTransportDisposition disposition) => disposition switch
    {
        NoTransportDisposition.TreatedAndReleased => "Treated and released on scene, no transport",
        NoTransportDisposition.PatientRefused => "Patient refused transport",
        NoTransportDisposition.DeadOnScene => "Dead on scene, no transport",
        NoTransportDisposition.NoPatientFound => "No patient found",
        NoTransportDisposition.TransportedByOther => "Transported by another unit or service",
        _ => disposition.ToString(),
    };
}
