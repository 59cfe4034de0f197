using EmergencyLink.Clinical.Scores;
using EmergencyLink.Domain.Alerts;

namespace EmergencyLink.Clinical.Live;

/// <summary>
/// What a crew-entered trauma assessment tells the receiving team. Only a red criterion raises the major-trauma
/// alert: the 2021 field triage guideline ties red (high risk for serious injury) to the highest-level trauma centre,
/// which is the activation a trauma team prepares for; yellow only prefers a trauma centre, which the destination
/// ranking and the recorded triage already carry, and paging a trauma team for it would teach them to ignore the page.
/// </summary>
public static class TraumaAlerts
{
    public static TraumaEvaluation Evaluate(TraumaAssessment assessment, DateTimeOffset now)
    {
        var triage = TraumaTriage.Triage(assessment);
        var met = triage.CriteriaMet.Select(c => c.Evidence).ToArray();
        var summary = "trauma field triage: " + triage.Level
            + (met.Length > 0 ? " — " + string.Join("; ", met) : "")
            + (triage.NotAssessed.Count > 0 ? "; not assessed: " + string.Join("; ", triage.NotAssessed) : "");
        var alerts = new List<NewAlert>();
        if (triage.IsMajorTrauma)
        {
            var red = triage.CriteriaMet.Where(c => c.Level == TraumaTriageLevel.Red).ToArray();
            alerts.Add(new NewAlert(AlertKind.MajorTrauma, "crew",
                "Major trauma: field triage red criteria (" + string.Join("; ", red.Select(c => c.Evidence)) + ")",
                red.Select(c => new AlertEvidence("trauma assessment", null, null, c.Evidence)).ToArray(), now));
        }

        return new TraumaEvaluation(triage, summary, alerts);
    }
}
