using System.Globalization;
using EmergencyLink.Clinical.Scores;
using EmergencyLink.Domain.Alerts;
using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Clinical.Live;

/// <summary>
/// NEWS2 over one case's streamed vitals. The monitor gives respiration rate, SpO2, blood pressure, pulse and
/// temperature; consciousness and oxygen come from the crew, so until they are entered the score is a lower bound
/// and says so. A high score must hold for <see cref="HoldFor"/> before it alerts: a probe slipping off a finger
/// gives seconds of nonsense SpO2 that must not page the resuscitation team, while a real deterioration persists.
/// </summary>
public sealed class VitalsMonitor(TimeSpan holdFor)
{
    /// <summary>RCP 2017: an aggregate of 7 or more is the emergency-response threshold.</summary>
    public const int HighThreshold = 7;

    private DateTimeOffset? highSince;
    private bool raised;

    public TimeSpan HoldFor { get; } = holdFor;

    public News2Result? Latest { get; private set; }

    /// <summary>Takes one reading in capture order; returns the alert the first time a high score has held long enough.</summary>
    public NewAlert? Push(VitalSigns vitals, DateTimeOffset capturedAt, Acvpu? consciousness = null, bool? onOxygen = null,
        News2SpO2Scale scale = News2SpO2Scale.Scale1)
    {
        var score = News2.Score(new News2Input(
            vitals.RespiratoryRate, vitals.SpO2, onOxygen, vitals.SystolicMmHg, vitals.HeartRate, consciousness,
            vitals.TemperatureC, scale));
        Latest = score;
        if (score.Total < HighThreshold)
        {
            highSince = null;
            return null;
        }

        highSince ??= capturedAt;
        if (raised || capturedAt - highSince.Value < HoldFor)
        {
            return null;
        }

        raised = true;
        var missing = score.Missing.Count == 0
            ? ""
            : " (at least: " + string.Join(", ", score.Missing.Select(News2.Describe)) + " not yet entered)";
        var evidence = score.Subscores
            .Where(s => s.Points > 0)
            .Select(s => new AlertEvidence(News2.Describe(s.Parameter), s.Points, "points", s.Evidence))
            .ToArray();
        return new NewAlert(AlertKind.News2High, "vitals",
            string.Create(CultureInfo.InvariantCulture, $"NEWS2 {score.Total}{missing}, held {HoldFor.TotalSeconds:0} s: emergency response threshold"),
            evidence, highSince.Value);
    }
}
