using System.Globalization;
using System.Text;
using EmergencyLink.Domain.Alerts;
using Hl7.Fhir.Model;

namespace EmergencyLink.Handover;

public static partial class HandoverDocumentBuilder
{
    /// <summary>Samples are stored as whole microvolts; SampledData's factor turns them back into millivolts.</summary>
    private const decimal MicrovoltsToMillivolts = 0.001m;

    private static Composition.SectionComponent EcgSection(ClinicalContext context, out ResourceReference? ecgReference)
    {
        ecgReference = null;
        var entries = new List<ResourceReference>();
        var text = new XhtmlNarrative();
        if (context.Case.Ecg is { } strip)
        {
            ecgReference = context.Doc.Add(EcgObservation(context, strip), "observation/ecg");
            entries.Add(ecgReference);
            var seconds = strip.Millivolts.Count > 0 ? strip.Millivolts[0].Length / (double)strip.SampleRateHz : 0;
            text.Paragraph(string.Create(CultureInfo.InvariantCulture,
                $"{strip.Leads.Count}-lead ECG, {seconds:0.#} s at {strip.SampleRateHz} Hz from {Clock(strip.Start)}; leads {string.Join(", ", strip.Leads)}."));
            if (strip.Reason is { } reason)
            {
                text.Paragraph("Kept because: " + reason);
            }
        }
        else
        {
            text.Paragraph("No ECG strip recorded.");
        }

        // 30954-2 is the summary documents' results section; the ECG is the crew's only diagnostic test.
        return Section("ECG", FhirCodes.LoincConcept("30954-2", "Relevant diagnostic tests/laboratory data Narrative"), text, entries);
    }

    /// <summary>
    /// One Observation with a SampledData component per lead, coded in MDC (IEEE 11073-10101) as the FHIR spec's own
    /// ECG example does: MDC 131328 MDC_ECG_ELEC_POTL names the waveform itself, whereas LOINC 11524-6 "EKG study"
    /// names the study report, which this is not.
    /// </summary>
    private static Observation EcgObservation(ClinicalContext context, EcgStrip strip)
    {
        if (strip.SampleRateHz <= 0 || strip.Leads.Count != strip.Millivolts.Count)
        {
            throw new ArgumentException("An ECG strip needs a positive sample rate and one sample array per lead.", nameof(strip));
        }

        var period = Math.Round(1000m / strip.SampleRateHz, 6);
        var builder = new StringBuilder();
        var components = new List<Observation.ComponentComponent>(strip.Leads.Count);
        for (var lead = 0; lead < strip.Leads.Count; lead++)
        {
            var code = FhirCodes.EcgLead(strip.Leads[lead]) is { } mdc
                ? FhirCodes.Concept(FhirCodes.Mdc, mdc.Code, mdc.Display, strip.Leads[lead])
                : FhirCodes.TextConcept("Lead " + strip.Leads[lead]);
            components.Add(new Observation.ComponentComponent
            {
                Code = code,
                Value = new SampledData
                {
                    Origin = new Quantity { Value = 0, Unit = "mV", System = FhirCodes.Ucum, Code = "mV" },
                    Period = period,
                    Factor = MicrovoltsToMillivolts,
                    Dimensions = 1,
                    Data = Samples(builder, strip.Millivolts[lead]),
                },
            });
        }

        return new Observation
        {
            Status = ObservationStatus.Final,
            Category = [FhirCodes.ObservationCategoryConcept("procedure", "Procedure")],
            Code = FhirCodes.Concept(FhirCodes.Mdc, "131328", "MDC_ECG_ELEC_POTL", "12-lead ECG"),
            Subject = context.Patient,
            Encounter = context.Encounter,
            Effective = new FhirDateTime(strip.Start),
            Note = strip.Reason is { } reason ? [new Annotation { Text = FhirCodes.Clean(reason) }] : [],
            Component = components,
        };
    }

    private static string Samples(StringBuilder builder, double[] millivolts)
    {
        builder.Clear();
        Span<char> digits = stackalloc char[16];
        for (var i = 0; i < millivolts.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            var microvolts = double.IsFinite(millivolts[i]) ? (int)Math.Clamp(Math.Round(millivolts[i] * 1000), -1_000_000, 1_000_000) : 0;
            microvolts.TryFormat(digits, out var written, provider: CultureInfo.InvariantCulture);
            builder.Append(digits[..written]);
        }

        return builder.ToString();
    }

    private static Composition.SectionComponent AlertSection(ClinicalContext context, ResourceReference? ecg)
    {
        var entries = new List<ResourceReference>();
        var items = new List<string>();
        foreach (var alert in context.Case.Alerts)
        {
            entries.Add(context.Doc.Add(AlertIssue(context, alert, ecg), "alert/" + alert.Id));
            var evidence = alert.Evidence.Count > 0 ? " [" + string.Join("; ", alert.Evidence.Select(EvidenceText)) + "]" : "";
            var acknowledged = alert.AcknowledgedAt is { } at ? $" Acknowledged by {alert.AcknowledgedBy} at {Clock(at)}." : " Not acknowledged.";
            items.Add($"{Clock(alert.ObservedAt)} {AlertTitle(alert.Kind)}: {alert.Summary}{evidence}.{acknowledged}");
        }

        return Section("Alerts", FhirCodes.TextConcept("Clinical decision support alerts"),
            items.Count > 0 ? new XhtmlNarrative().List(items) : new XhtmlNarrative().Paragraph("No alerts raised."), entries);
    }

    /// <summary>
    /// An alert is a DetectedIssue rather than a Flag: it is decision support about this encounter, with the evidence a
    /// clinician checks (DetectedIssue.evidence, pointing at the ECG where the finding was) and its acknowledgement
    /// (mitigation). A Flag is a standing warning about the patient and has no place for evidence.
    /// </summary>
    private static DetectedIssue AlertIssue(ClinicalContext context, CaseAlert alert, ResourceReference? ecg)
    {
        var fromEcg = ecg is not null && alert.Kind is AlertKind.Stemi or AlertKind.AtrialFibrillation;
        var issue = new DetectedIssue
        {
            Status = ObservationStatus.Final,
            Code = FhirCodes.TextConcept(AlertTitle(alert.Kind)),
            Severity = alert.Kind is AlertKind.AtrialFibrillation or AlertKind.SuspectedStroke
                ? DetectedIssue.DetectedIssueSeverity.Moderate
                : DetectedIssue.DetectedIssueSeverity.High,
            Patient = context.Patient,
            Identified = new FhirDateTime(alert.ObservedAt),
            Detail = FhirCodes.Clean($"{alert.Summary} (raised by {alert.Source} at {Clock(alert.RaisedAt)})"),
            Evidence = alert.Evidence.Select(e => new DetectedIssue.EvidenceComponent
            {
                Code = [FhirCodes.TextConcept(EvidenceText(e))],
                Detail = fromEcg ? [new ResourceReference(ecg!.Reference)] : [],
            }).ToList(),
        };
        if (alert.AcknowledgedAt is { } at)
        {
            issue.Mitigation =
            [
                new DetectedIssue.MitigationComponent
                {
                    Action = FhirCodes.TextConcept($"Acknowledged by {alert.AcknowledgedBy}"),
                    DateElement = new FhirDateTime(at),
                },
            ];
        }

        return issue;
    }

    private static string EvidenceText(AlertEvidence evidence) =>
        evidence.Value is { } value
            ? $"{evidence.Item} {Number(value)}{(evidence.Unit is null ? "" : " " + evidence.Unit)}: {evidence.Finding}"
            : $"{evidence.Item}: {evidence.Finding}";

    private static string AlertTitle(AlertKind kind) => kind switch
    {
        AlertKind.Stemi => "STEMI alert",
        AlertKind.AtrialFibrillation => "Atrial fibrillation",
        AlertKind.News2High => "NEWS2 high",
        AlertKind.SuspectedStroke => "Suspected stroke",
        AlertKind.SuspectedLvoStroke => "Suspected large-vessel-occlusion stroke",
        AlertKind.MajorTrauma => "Major trauma alert",
        _ => kind.ToString(),
    };
}
