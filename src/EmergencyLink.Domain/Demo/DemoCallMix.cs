using EmergencyLink.Domain.Destinations;

namespace EmergencyLink.Domain.Demo;

/// <summary>
/// The demo's call pattern, derived offline by <c>tools/demo-call-mix.py</c> from the real call records in
/// <c>../shared/data/ems_calls</c> (San Francisco Fire Department, 2 weeks of 2020; Montgomery County PA 911,
/// Dec 2015 – Aug 2016). Only these aggregates are kept here; the records themselves stay outside the repository.
/// </summary>
public static class DemoCallMix
{
    /// <summary>
    /// Real medical call rate per hour per 100,000 people: San Francisco 302 medical incidents a day for ~874,000
    /// people (1.44), Montgomery County 190 EMS calls a day for ~822,000 (0.96); this is their mean.
    /// </summary>
    public const double RealCallsPerHourPer100k = 1.2;

    /// <summary>
    /// The demo region (Calder Bay, about 12.5 × 10.4 km) is taken to hold about 150,000 people, so it would really
    /// get about 1.8 calls an hour; a demo shows a call a minute, about 33 times the real rate.
    /// </summary>
    public const double DemoRegionPopulation = 150_000;

    /// <summary>
    /// Share of the hourly mean per local hour 0..23 (Montgomery County EMS calls by hour of day): the night trough is
    /// under half the mean, the late-morning peak about 1.45 times it.
    /// </summary>
    public static IReadOnlyList<double> HourOfDayFactors { get; } =
    [
        0.61, 0.53, 0.50, 0.47, 0.46, 0.47, 0.66, 0.86, 1.12, 1.31, 1.45, 1.40,
        1.46, 1.43, 1.39, 1.27, 1.31, 1.28, 1.20, 1.19, 1.10, 0.95, 0.86, 0.70,
    ];

    /// <summary>
    /// Share of low-acuity calls (priority 3 and 4) that end without transport: San Francisco transported 60 % of
    /// its medical incidents (declined, against advice, no merit, unable to locate make up most of the rest). High-acuity
    /// calls in the demo are always transported, so the overall share comes close to the real 40 % only at the low end.
    /// </summary>
    public const double LowAcuityNoTransportShare = 0.4;

    /// <summary>
    /// The most frequent EMS call types of Montgomery County with their share of EMS calls (weights), in plain words. The
    /// priority is our call-taker's reading of each type; with it, 42 % of calls are priority 1 or 2, as in San
    /// Francisco, where 41 % of medical incidents were dispatched lights-and-sirens (original priority 3 or E).
    /// "Cardiac emergency" (10.3 %) is split evenly between chest pain and palpitations.
    /// </summary>
    public static IReadOnlyList<DemoComplaint> Complaints { get; } =
    [
        new("difficulty breathing, wheezing", 2, 0.105, "asthma-improving", WorkingDiagnosis.General),
        new("chest pain, sweating", 1, 0.0515, "stemi-inferior", WorkingDiagnosis.Stemi),
        new("palpitations, feels faint", 2, 0.0515, "af-rvr", WorkingDiagnosis.General),
        new("fall at home", 3, 0.099, "stable", WorkingDiagnosis.General),
        new("road traffic collision, driver injured", 3, 0.081, "stable", WorkingDiagnosis.General),
        new("severe pain", 3, 0.055, "stable", WorkingDiagnosis.General),
        new("head injury", 3, 0.054, "stable", WorkingDiagnosis.General),
        new("unwell, problem unknown", 3, 0.038, "stable", WorkingDiagnosis.General),
        new("fainted, slow pulse", 3, 0.035, "bradycardia", WorkingDiagnosis.General),
        new("seizure", 2, 0.033, "stable", WorkingDiagnosis.General),
        new("general weakness, fever", 3, 0.030, "sepsis", WorkingDiagnosis.General),
        new("abdominal pain", 4, 0.029, "stable", WorkingDiagnosis.General),
        new("confused, hot to the touch", 2, 0.028, "sepsis", WorkingDiagnosis.General),
        new("medical alarm activated", 4, 0.027, "stable", WorkingDiagnosis.General),
        new("bleeding", 2, 0.026, "stable", WorkingDiagnosis.General),
        new("face drooping, slurred speech", 1, 0.025, "stroke", WorkingDiagnosis.Stroke),
    ];

    /// <summary>
    /// The kind of an open demo case found after a restart, by its complaint; a complaint the mix does not hold (changed
    /// since, or edited by a person) gets a stable patient and the general diagnosis.
    /// </summary>
    public static DemoComplaint KindOf(string complaint, int priority) =>
        Complaints.FirstOrDefault(c => string.Equals(c.Complaint, complaint, StringComparison.Ordinal))
        ?? new DemoComplaint(complaint, priority, 0, "stable", WorkingDiagnosis.General);
}
