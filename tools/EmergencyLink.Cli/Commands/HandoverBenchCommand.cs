using System.Diagnostics;
using System.Globalization;
using EmergencyLink.Domain.Alerts;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Documentation;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Telemetry;
using EmergencyLink.Handover;
using Hl7.Fhir.Model;

namespace EmergencyLink.Cli.Commands;

/// <summary>
/// <c>bench-handover</c>: what the handover document costs. A 40-minute transport (vitals every second, a 10 s 12-lead
/// ECG strip at 500 Hz, 2 alerts, 10 treatments and medications given) is made up front; then, after a warm-up, each
/// run is timed on its own (Stopwatch and, on Linux, the thread's CPU clock, which does not count time other processes
/// held the core) and the medians printed: build, JSON serialisation alone, build + JSON serialisation, and validation with the shared validator
/// (its one-off start-up, which unpacks the specification, is timed and printed separately).
/// </summary>
public static class HandoverBenchCommand
{
    public const string Usage = "bench-handover [--minutes 40] [--runs 200] [--validation-runs 20]";

    public static int Run(string[] args)
    {
        var options = new ArgReader(args, "minutes", "runs", "validation-runs");
        var minutes = options.GetInt("minutes", 40, 1, 240);
        var runs = options.GetInt("runs", 200, 5, 100_000);
        var validationRuns = options.GetInt("validation-runs", 20, 1, 1000);

        var handover = Transport(minutes);
        var sample = HandoverDocumentBuilder.Build(handover);
        var json = HandoverSerializer.ToJsonBytes(sample);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{minutes}-minute transport: {handover.Vitals.Count} vitals readings, ECG {handover.Ecg!.Leads.Count} leads x {handover.Ecg.Millivolts[0].Length} samples, " +
            $"{handover.Alerts.Count} alerts, {handover.Documentation.Count} documentation entries -> {sample.Entry.Count} bundle entries, JSON {json.Length / 1024.0:F0} KiB"));

        // At least 2 s of warm-up: tiered JIT recompiles hot methods with PGO after ~30 calls plus a background delay,
        // and a few dozen runs finish before that, which would time part-optimised code.
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < 50 || warmUp.Elapsed < TimeSpan.FromSeconds(2); i++)
        {
            HandoverSerializer.ToJsonBytes(HandoverDocumentBuilder.Build(handover));
        }

        // The three timings are interleaved run by run, so load from other processes on a shared machine falls on all
        // of them alike instead of on whichever happened to run while another build was going.
        long allocated = 0;
        var build = new Timings(runs);
        var serializeOnly = new Timings(runs);
        var serialize = new Timings(runs);
        for (var i = 0; i < runs; i++)
        {
            build.Time(() =>
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                HandoverDocumentBuilder.Build(handover);
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            });
            serializeOnly.Time(() => HandoverSerializer.ToJsonBytes(sample));
            serialize.Time(() => HandoverSerializer.ToJsonBytes(HandoverDocumentBuilder.Build(handover)));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"build:                  {build}; {allocated / 1024.0:F0} KiB allocated"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"JSON serialise only:    {serializeOnly}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"build + JSON serialise: {serialize}; target < 5 ms"));

        var validator = new HandoverValidator();
        var clock = Stopwatch.StartNew();
        var first = validator.Validate(sample);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"validator first use (unpack spec, compile schemas, validate): {clock.Elapsed.TotalMilliseconds:F0} ms; {first.Errors.Count} errors, {first.Warnings.Count} warnings"));
        var validate = new Timings(validationRuns);
        for (var i = 0; i < validationRuns; i++)
        {
            validate.Time(() => validator.Validate(sample));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"validation (warm):      {validate}"));
        return first.IsValid ? 0 : 1;
    }

    /// <summary>A STEMI transport on a fixed clock: deterministic, so runs and machines compare.</summary>
    private static HandoverCase Transport(int minutes)
    {
        var t0 = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
        var onScene = t0.AddMinutes(8);
        var n = 0;
        CareEntry Entry(CareEntryKind kind, int minute, string text, double? value = null, string? unit = null, string? route = null,
            PatientDetails? patient = null, IReadOnlyList<ScoreComponent>? components = null) =>
            new($"D{++n}", kind, onScene.AddMinutes(minute), onScene.AddMinutes(minute).AddSeconds(20), "medic-7", text, null, value, unit, route,
                patient, components);

        var docs = new List<CareEntry>
        {
            Entry(CareEntryKind.Patient, 1, "patient", patient: new PatientDetails("John Smith", AdministrativeSex.Male, new DateOnly(1964, 3, 2), 62, false)),
            Entry(CareEntryKind.ChiefComplaint, 1, "Central chest pain radiating to the left arm"),
            Entry(CareEntryKind.History, 2, "Hypertension, type 2 diabetes"),
            Entry(CareEntryKind.Allergy, 2, "Penicillin"),
            Entry(CareEntryKind.Medication, 2, "Metformin 500 mg twice daily"),
            Entry(CareEntryKind.Assessment, 3, "GCS", 15, components: [new("Eye", 4), new("Verbal", 5), new("Motor", 6)]),
            Entry(CareEntryKind.Assessment, 3, "Pain score", 8),
            Entry(CareEntryKind.Treatment, 4, "IV access 18G left antecubital fossa"),
            Entry(CareEntryKind.Treatment, 5, "12-lead ECG acquired and transmitted"),
            Entry(CareEntryKind.Treatment, 6, "Oxygen via nasal cannula 2 L/min"),
            Entry(CareEntryKind.Treatment, 15, "Second IV access 20G right hand"),
            Entry(CareEntryKind.Treatment, 25, "Defibrillator pads applied"),
            Entry(CareEntryKind.MedicationGiven, 5, "Aspirin", 300, "mg", "PO"),
            Entry(CareEntryKind.MedicationGiven, 6, "Glyceryl trinitrate", 400, "ug", "SL"),
            Entry(CareEntryKind.MedicationGiven, 12, "Heparin", 5000, "[iU]", "IV"),
            Entry(CareEntryKind.MedicationGiven, 14, "Morphine", 5, "mg", "IV"),
            Entry(CareEntryKind.MedicationGiven, 15, "Ondansetron", 4, "mg", "IV"),
            Entry(CareEntryKind.Impression, 6, "Anterior STEMI"),
        };
        var alerts = new List<CaseAlert>
        {
            new("A1", AlertKind.Stemi, "ecg-analysis", "ST elevation V1-V4", [new("V2", 0.35, "mV", "ST elevation >= 0.2 mV"), new("V3", 0.3, "mV", "ST elevation >= 0.2 mV")],
                onScene.AddMinutes(4), onScene.AddMinutes(4), "dr-ed", onScene.AddMinutes(10)),
            new("A2", AlertKind.News2High, "vitals", "NEWS2 7", [new("NEWS2", 7, null, "NEWS2 >= 7")], onScene.AddMinutes(20), onScene.AddMinutes(20)),
        };
        var timeline = new List<TimelineEntry> { new(1, t0, "dispatcher-1", null, CaseState.Received, CaseState.Received, "call received") };
        foreach (var (trigger, from, to, at) in new[]
        {
            (CaseTrigger.Triage, CaseState.Received, CaseState.Triaged, 1),
            (CaseTrigger.Assign, CaseState.Triaged, CaseState.Dispatched, 2),
            (CaseTrigger.EnRoute, CaseState.Dispatched, CaseState.EnRoute, 3),
            (CaseTrigger.ArriveScene, CaseState.EnRoute, CaseState.OnScene, 8),
            (CaseTrigger.Transport, CaseState.OnScene, CaseState.Transporting, 28),
            (CaseTrigger.ArriveHospital, CaseState.Transporting, CaseState.AtHospital, 8 + minutes),
            (CaseTrigger.Handover, CaseState.AtHospital, CaseState.HandedOver, 10 + minutes),
        })
        {
            timeline.Add(new TimelineEntry(timeline.Count + 1, t0.AddMinutes(at), "medic-7", trigger, from, to, null));
        }

        var vitals = new List<VitalsReading>(minutes * 60);
        for (var s = 0; s < minutes * 60; s++)
        {
            var phase = s / (minutes * 60.0);
            vitals.Add(new VitalsReading(onScene.AddSeconds(s), new VitalSigns(
                Math.Round(105 + 15 * Math.Sin(Math.PI * phase)), Math.Round(95 - 3 * Math.Sin(6 * phase)), 150 - 20 * phase, 90 - 10 * phase,
                110 - 13 * phase, 20 - 4 * phase, 36 + (s % 7), s % 60 == 0 ? 36.8 : null)));
        }

        string[] leads = ["I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"];
        var samples = leads.Select((_, l) => Enumerable.Range(0, 5000)
            .Select(i => (l % 3 == 0 ? -1 : 1) * 1.2 * Math.Exp(-Math.Pow((i / 500.0 % 0.8 - 0.2) / 0.012, 2))).ToArray()).ToList();
        return new HandoverCase("bench-case", CaseState.HandedOver, 1, "Chest pain", "1800 Orleans St, Baltimore", new GeoPoint(39.297, -76.592), t0, null,
            timeline, docs, alerts, new HandoverOrganization("agency-1", "EmergencyLink EMS"), "medic-12",
            new HandoverOrganization("jhh", "Johns Hopkins Hospital"), vitals, new EcgStrip(onScene.AddMinutes(4), 500, leads, samples, "ST elevation V1-V4"),
            1, t0.AddMinutes(12 + minutes));
    }
}
