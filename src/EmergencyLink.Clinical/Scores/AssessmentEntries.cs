using System.Globalization;
using EmergencyLink.Domain.Documentation;

namespace EmergencyLink.Clinical.Scores;

/// <summary>
/// Scored assessments as entries of the crew's record, coded in LOINC so the handover carries them as the
/// observations a receiving system recognises.
/// </summary>
public static class AssessmentEntries
{
    public const string Loinc = "http://loinc.org";

    public static readonly ClinicalCode GcsTotal = new(Loinc, "9269-2", "Glasgow coma score total");
    public static readonly ClinicalCode GcsEye = new(Loinc, "9267-6", "Glasgow coma score eye opening");
    public static readonly ClinicalCode GcsVerbal = new(Loinc, "9270-0", "Glasgow coma score verbal");
    public static readonly ClinicalCode GcsMotor = new(Loinc, "9268-4", "Glasgow coma score motor");
    public static readonly ClinicalCode PainSeverity = new(Loinc, "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported");

    /// <summary>
    /// GCS with each tested component; the total only when all three were testable (Teasdale 2014: a sum that silently
    /// lacks a component reads as a deeper coma than the patient has).
    /// </summary>
    public static NewCareEntry Gcs(GlasgowComaScale gcs, DateTimeOffset? at)
    {
        ArgumentNullException.ThrowIfNull(gcs);
        var components = new List<ScoreComponent>();
        if (gcs.Eye is { } eye)
        {
            components.Add(new ScoreComponent("eye", eye, GcsEye));
        }

        if (gcs.Verbal is { } verbal)
        {
            components.Add(new ScoreComponent("verbal", verbal, GcsVerbal));
        }

        if (gcs.Motor is { } motor)
        {
            components.Add(new ScoreComponent("motor", motor, GcsMotor));
        }

        return new NewCareEntry(CareEntryKind.Assessment, $"GCS {gcs.Notation}", at, GcsTotal, gcs.Total, Components: components);
    }

    /// <summary>Pain on the 0-10 numeric rating scale, as the patient reports it.</summary>
    public static NewCareEntry Pain(int score, string? site, DateTimeOffset? at)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(score, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, 10);
        var text = string.IsNullOrWhiteSpace(site)
            ? string.Create(CultureInfo.InvariantCulture, $"pain {score}/10")
            : string.Create(CultureInfo.InvariantCulture, $"pain {score}/10, {site.Trim()}");
        return new NewCareEntry(CareEntryKind.Assessment, text, at, PainSeverity, score);
    }

    /// <summary>
    /// A stroke assessment for the record: the BE-FAST signs (1 present, 0 absent) and the LVO scale's items, with the
    /// summary that named the alerts. No single total: BE-FAST is a screen, not a score.
    /// </summary>
    public static NewCareEntry Stroke(StrokeAssessment assessment, string summary, DateTimeOffset? at)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var b = assessment.BeFast;
        var components = new List<ScoreComponent>
        {
            new("BE-FAST balance", b.Balance ? 1 : 0),
            new("BE-FAST eyes", b.Eyes ? 1 : 0),
            new("BE-FAST face", b.Face ? 1 : 0),
            new("BE-FAST arm", b.Arm ? 1 : 0),
            new("BE-FAST speech", b.Speech ? 1 : 0),
        };
        if (assessment.Race is { } race)
        {
            components.Add(new ScoreComponent("RACE total", race.Total));
        }

        if (assessment.Lams is { } lams)
        {
            components.Add(new ScoreComponent("LAMS total", lams.Total));
        }

        return new NewCareEntry(CareEntryKind.Assessment, Clip(summary), at, Components: components);
    }

    /// <summary>
    /// A field triage for the record: the level (0 none, 1 yellow, 2 red) and each criterion met, with the summary that
    /// gave the recommendation.
    /// </summary>
    public static NewCareEntry Trauma(TraumaTriageResult triage, string summary, DateTimeOffset? at)
    {
        ArgumentNullException.ThrowIfNull(triage);
        var components = new List<ScoreComponent> { new("field triage level", (int)triage.Level) };
        components.AddRange(triage.CriteriaMet.Take(CaseDocumentation.MaxComponents - 1)
            .Select(c => new ScoreComponent(c.Criterion.ToString(), (int)c.Level)));
        return new NewCareEntry(CareEntryKind.Assessment, Clip(summary), at, Components: components);
    }

    private static string Clip(string text) => text.Length <= CaseDocumentation.MaxTextLength ? text : text[..CaseDocumentation.MaxTextLength];
}
