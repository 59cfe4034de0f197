using System.Globalization;
using EmergencyLink.Domain.Cases;

namespace EmergencyLink.Domain.Alerts;

/// <summary>
/// The rules for a case's alerts. A kind is raised once per case: the analysis keeps finding the same ST elevation
/// every ten seconds and the ED must be told once, loudly, not every ten seconds; a later finding of the same kind
/// changes nothing the team would do. Every raise and acknowledgement is a timeline entry.
/// </summary>
public static class CaseAlerts
{
    public const int MaxEvidence = 24;
    public const int MaxTextLength = 500;

    /// <summary>Adds the alert unless one of its kind exists; returns the new alert, or null if it was already raised.</summary>
    public static CaseAlert? Raise(IncidentRecord record, NewAlert alert, string actor, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(alert.Summary);
        if (record.Alerts.Exists(a => a.Kind == alert.Kind))
        {
            return null;
        }

        var raised = new CaseAlert(
            string.Create(CultureInfo.InvariantCulture, $"A{record.Alerts.Count + 1}"),
            alert.Kind,
            alert.Source,
            Clip(alert.Summary),
            alert.Evidence.Take(MaxEvidence).Select(e => e with { Finding = Clip(e.Finding) }).ToArray(),
            alert.ObservedAt,
            now);
        record.Alerts.Add(raised);
        var evidence = string.Join("; ", raised.Evidence.Select(e => e.Finding));
        record.Timeline.Add(new TimelineEntry(record.Timeline.Count + 1, now, actor, null, record.State, record.State,
            $"alert {raised.Id} {raised.Kind}: {raised.Summary}" + (evidence.Length > 0 ? $" [{evidence}]" : ""),
            TimelineEvent.Alert));
        return raised;
    }

    /// <summary>Acknowledges an alert once; a second acknowledgement is refused so the first clinician's stamp stands.</summary>
    public static AlertOutcome Acknowledge(IncidentRecord record, string alertId, string actor, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var index = record.Alerts.FindIndex(a => a.Id == alertId);
        if (index < 0)
        {
            return new AlertOutcome(null, $"Case {record.Id} has no alert {alertId}.");
        }

        var alert = record.Alerts[index];
        if (alert.Acknowledged)
        {
            return new AlertOutcome(alert, string.Create(CultureInfo.InvariantCulture,
                $"Alert {alertId} was acknowledged by {alert.AcknowledgedBy} at {alert.AcknowledgedAt:O}."));
        }

        var acknowledged = alert with { AcknowledgedBy = actor, AcknowledgedAt = now };
        record.Alerts[index] = acknowledged;
        record.Timeline.Add(new TimelineEntry(record.Timeline.Count + 1, now, actor, null, record.State, record.State,
            $"alert {alert.Id} {alert.Kind} acknowledged", TimelineEvent.AlertAcknowledged));
        return new AlertOutcome(acknowledged, null);
    }

    private static string Clip(string text) => text.Length <= MaxTextLength ? text : text[..MaxTextLength];
}
