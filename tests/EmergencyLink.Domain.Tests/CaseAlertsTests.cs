using EmergencyLink.Domain.Alerts;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Destinations;
using EmergencyLink.Domain.Geography;

namespace EmergencyLink.Domain.Tests;

public sealed class CaseAlertsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private static IncidentRecord NewCase() =>
        IncidentCase.Open("INC-000001", new NewIncident(new GeoPoint(44, -38), "chest pain", 2), "calltaker", T0);

    private static NewAlert Stemi() => new(AlertKind.Stemi, "ecg-analysis", "ST elevation, inferior",
        [new AlertEvidence("II", 0.21, "mV", "ST +0.21 mV >= 0.10 mV"), new AlertEvidence("III", 0.25, "mV", "ST +0.25 mV >= 0.10 mV")],
        T0.AddMinutes(3));

    [Fact]
    public void Raising_an_alert_keeps_its_evidence_and_stamps_the_timeline_without_moving_the_case()
    {
        var record = NewCase();

        var alert = CaseAlerts.Raise(record, Stemi(), "ecg-analysis", T0.AddMinutes(4));

        Assert.NotNull(alert);
        Assert.Equal(("A1", AlertKind.Stemi, false), (alert.Id, alert.Kind, alert.Acknowledged));
        Assert.Equal(2, alert.Evidence.Count);
        var entry = record.Timeline[^1];
        Assert.Equal((TimelineEvent?)TimelineEvent.Alert, entry.Event);
        Assert.Null(entry.Trigger);
        Assert.Equal((CaseState.Received, CaseState.Received), (entry.From, entry.To));
        Assert.Contains("ST +0.21 mV", entry.Detail);
    }

    [Fact]
    public void A_kind_is_raised_once_per_case()
    {
        var record = NewCase();
        CaseAlerts.Raise(record, Stemi(), "ecg-analysis", T0.AddMinutes(4));

        var again = CaseAlerts.Raise(record, Stemi(), "ecg-analysis", T0.AddMinutes(5));
        var other = CaseAlerts.Raise(record, new NewAlert(AlertKind.News2High, "vitals", "NEWS2 8", [], T0), "vitals", T0.AddMinutes(5));

        Assert.Null(again);
        Assert.Equal("A2", other?.Id);
        Assert.Equal(2, record.Alerts.Count);
        Assert.Equal(3, record.Timeline.Count);
    }

    [Fact]
    public void Acknowledging_stamps_who_and_when_once_and_keeps_the_first_stamp()
    {
        var record = NewCase();
        CaseAlerts.Raise(record, Stemi(), "ecg-analysis", T0.AddMinutes(4));

        var first = CaseAlerts.Acknowledge(record, "A1", "dr Lee", T0.AddMinutes(6));
        var second = CaseAlerts.Acknowledge(record, "A1", "dr Kim", T0.AddMinutes(7));
        var missing = CaseAlerts.Acknowledge(record, "A9", "dr Kim", T0.AddMinutes(7));

        Assert.True(first.Accepted);
        Assert.Equal(("dr Lee", (DateTimeOffset?)T0.AddMinutes(6)), (record.Alerts[0].AcknowledgedBy, record.Alerts[0].AcknowledgedAt));
        Assert.False(second.Accepted);
        Assert.Contains("dr Lee", second.Error);
        Assert.Null(missing.Alert);
        Assert.Equal((TimelineEvent?)TimelineEvent.AlertAcknowledged, record.Timeline[^1].Event);
        Assert.Equal(3, record.Timeline.Count);
    }

    [Fact]
    public void Alerts_imply_the_working_diagnosis_with_major_trauma_first_then_stemi_then_stroke()
    {
        var record = NewCase();
        Assert.Equal(WorkingDiagnosis.General, AlertedDiagnosis.From(record.Alerts).Diagnosis);

        CaseAlerts.Raise(record, new NewAlert(AlertKind.SuspectedStroke, "crew", "BE-FAST positive", [], T0), "crew", T0);
        Assert.Equal(WorkingDiagnosis.Stroke, AlertedDiagnosis.From(record.Alerts).Diagnosis);

        CaseAlerts.Raise(record, new NewAlert(AlertKind.SuspectedLvoStroke, "crew", "RACE 6", [], T0), "crew", T0);
        Assert.Equal(WorkingDiagnosis.LargeVesselStroke, AlertedDiagnosis.From(record.Alerts).Diagnosis);

        CaseAlerts.Raise(record, Stemi(), "ecg-analysis", T0);
        var stemi = AlertedDiagnosis.From(record.Alerts);
        Assert.Equal(WorkingDiagnosis.Stemi, stemi.Diagnosis);
        Assert.Contains("A3", stemi.Reason);

        CaseAlerts.Raise(record, new NewAlert(AlertKind.MajorTrauma, "crew", "red criterion", [], T0), "crew", T0);
        Assert.Equal(WorkingDiagnosis.MajorTrauma, AlertedDiagnosis.From(record.Alerts).Diagnosis);
    }

    [Fact]
    public void An_atrial_fibrillation_or_news2_alert_alone_does_not_change_the_destination_rule()
    {
        var record = NewCase();
        CaseAlerts.Raise(record, new NewAlert(AlertKind.AtrialFibrillation, "ecg-analysis", "AF", [], T0), "ecg-analysis", T0);
        CaseAlerts.Raise(record, new NewAlert(AlertKind.News2High, "vitals", "NEWS2 9", [], T0), "vitals", T0);

        var implied = AlertedDiagnosis.From(record.Alerts);

        Assert.Equal(WorkingDiagnosis.General, implied.Diagnosis);
        Assert.Null(implied.Reason);
    }
}
