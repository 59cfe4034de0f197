using EmergencyLink.Clinical.Scores;
using EmergencyLink.Domain.Alerts;

namespace EmergencyLink.Clinical.Live;

/// <summary>
/// What a crew-entered stroke assessment tells the receiving team: a positive BE-FAST raises suspected stroke (stroke
/// unit), an LVO scale at or above its threshold raises suspected large vessel occlusion (thrombectomy centre).
/// </summary>
public static class StrokeAlerts
{
    public static (string Summary, IReadOnlyList<NewAlert> Alerts) Evaluate(StrokeAssessment assessment, DateTimeOffset now)
    {
        var result = Stroke.Assess(assessment, now);
        var evidence = result.Evidence.Select(e => new AlertEvidence("stroke assessment", null, null, e)).ToArray();
        var summary = "stroke assessment: " + string.Join("; ", result.Evidence);
        var alerts = new List<NewAlert>();
        if (result.Screen.IsStrokeSuspected)
        {
            alerts.Add(new NewAlert(AlertKind.SuspectedStroke, "crew",
                "Stroke suspected on BE-FAST (" + string.Join(", ", result.Screen.PositiveSigns.Select(Stroke.Describe)) + ")", evidence, now));
        }

        if (result.IsLvoSuspected == true)
        {
            var scales = result.LvoScales.Where(s => s.SuggestsLvo).Select(s => s.Evidence);
            alerts.Add(new NewAlert(AlertKind.SuspectedLvoStroke, "crew",
                "Large vessel occlusion suspected: " + string.Join("; ", scales), evidence, now));
        }

        return (summary, alerts);
    }
}
