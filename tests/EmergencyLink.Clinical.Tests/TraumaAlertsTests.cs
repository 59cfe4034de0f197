using EmergencyLink.Clinical.Live;
using EmergencyLink.Clinical.Scores;
using EmergencyLink.Domain.Alerts;

namespace EmergencyLink.Clinical.Tests;

public sealed class TraumaAlertsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_red_criterion_raises_one_major_trauma_alert_with_each_red_finding_as_evidence()
    {
        var evaluation = TraumaAlerts.Evaluate(new TraumaAssessment
        {
            AgeYears = 30,
            SuspectedPelvicFracture = true,
            SystolicBloodPressure = 85,
            HeartRate = 80,
            FallHeightMetres = 5,
        }, Now);

        var alert = Assert.Single(evaluation.Alerts);
        Assert.Equal(AlertKind.MajorTrauma, alert.Kind);
        Assert.Equal(Now, alert.ObservedAt);
        Assert.Equal(2, alert.Evidence.Count);
        Assert.Contains(alert.Evidence, e => e.Finding.Contains("pelvic", StringComparison.Ordinal));
        Assert.Contains(alert.Evidence, e => e.Finding.Contains("SBP 85", StringComparison.Ordinal));
        Assert.DoesNotContain(alert.Evidence, e => e.Finding.Contains("fall", StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("trauma field triage: Red", evaluation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Yellow_criteria_alone_are_recorded_but_raise_no_alert()
    {
        var evaluation = TraumaAlerts.Evaluate(new TraumaAssessment { AgeYears = 70, AnticoagulantUse = true }, Now);

        Assert.Equal(TraumaTriageLevel.Yellow, evaluation.Triage.Level);
        Assert.Empty(evaluation.Alerts);
        Assert.Contains("anticoagul", evaluation.Summary, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Findings_not_taken_are_named_in_the_summary_rather_than_read_as_normal()
    {
        var evaluation = TraumaAlerts.Evaluate(new TraumaAssessment(), Now);

        Assert.Equal(TraumaTriageLevel.None, evaluation.Triage.Level);
        Assert.Empty(evaluation.Alerts);
        Assert.Contains("not assessed", evaluation.Summary, StringComparison.Ordinal);
        Assert.Contains("respiratory rate", evaluation.Summary, StringComparison.Ordinal);
    }
}
