using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Handover;

namespace EmergencyLink.Domain.Tests;

public sealed class HandoverLoopsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(2);

    /// <summary>A case walked to <paramref name="until"/> the way the grain does it: the case step, then its loops.</summary>
    private static IncidentRecord CaseAt(CaseState until, string hospitalId = "H1")
    {
        var record = IncidentCase.Open("INC-000001", new NewIncident(new GeoPoint(44, -38), "chest pain", 1), "calltaker", T0);
        var steps = new CaseCommand[]
        {
            new(CaseTrigger.Triage), new(CaseTrigger.Assign, AmbulanceId: "A1"), new(CaseTrigger.EnRoute),
            new(CaseTrigger.ArriveScene), new(CaseTrigger.Transport, HospitalId: hospitalId),
            new(CaseTrigger.ArriveHospital), new(CaseTrigger.Handover),
        };
        var minute = 1;
        foreach (var step in steps)
        {
            if (record.State == until)
            {
                break;
            }

            Fire(record, step, "medic", T0.AddMinutes(minute++));
        }

        return record;
    }

    private static IReadOnlyList<HandoverLoop> Fire(IncidentRecord record, CaseCommand command, string actor, DateTimeOffset at)
    {
        Assert.True(IncidentCase.Apply(record, command, actor, at).Accepted);
        return HandoverLoops.FollowCase(record, command.Trigger, actor, at);
    }

    [Fact]
    public void Transport_pre_alerts_the_destination_stamped_with_who_and_when()
    {
        var record = CaseAt(CaseState.Transporting);

        var loop = Assert.Single(record.HandoverLoops);
        Assert.Equal(("L1", "H1", HandoverLoopState.PreAlertSent), (loop.Id, loop.HospitalId, loop.State));
        var step = Assert.Single(loop.Steps);
        Assert.Equal((1, T0.AddMinutes(5), "medic", HandoverLoopTrigger.SendPreAlert), (step.Sequence, step.At, step.Actor, step.Trigger));
        Assert.Null(step.From);
        Assert.Equal(T0.AddMinutes(5), loop.AwaitingAcknowledgementSince);
    }

    [Fact]
    public void The_whole_loop_keeps_every_step_and_measures_the_offload_interval()
    {
        var record = CaseAt(CaseState.Transporting);
        Assert.True(HandoverLoops.AcknowledgeByEd(record, "H1", null, "dr Lee", T0.AddMinutes(6)).Accepted);
        Fire(record, new CaseCommand(CaseTrigger.ArriveHospital), "medic", T0.AddMinutes(20));
        Fire(record, new CaseCommand(CaseTrigger.Handover), "dr Lee", T0.AddMinutes(47));
        var done = HandoverLoops.AcknowledgeTransfer(record, "medic", T0.AddMinutes(48));

        Assert.True(done.Accepted);
        var loop = done.Loop!;
        Assert.Equal(HandoverLoopState.TransferAcknowledged, loop.State);
        Assert.Equal(
            [HandoverLoopState.PreAlertSent, HandoverLoopState.PreAlertAcknowledged, HandoverLoopState.Arrived,
                HandoverLoopState.TransferOfCare, HandoverLoopState.TransferAcknowledged],
            loop.Steps.Select(s => s.To));
        Assert.Equal(["medic", "dr Lee", "medic", "dr Lee", "medic"], loop.Steps.Select(s => s.Actor));
        Assert.Equal([1, 2, 3, 4, 5], loop.Steps.Select(s => s.Sequence));
        Assert.Equal(TimeSpan.FromMinutes(27), loop.OffloadInterval);
        Assert.Equal(("dr Lee", T0.AddMinutes(6)), (loop.PreAlertAcknowledgement!.Actor, loop.PreAlertAcknowledgement.At));
        Assert.Same(loop, record.HandoverLoops.Single());
    }

    [Fact]
    public void A_second_acknowledgement_is_refused_with_who_acknowledged_first_and_changes_nothing()
    {
        var record = CaseAt(CaseState.Transporting);
        HandoverLoops.AcknowledgeByEd(record, "H1", null, "dr Lee", T0.AddMinutes(6));
        var timeline = record.Timeline.Count;

        var second = HandoverLoops.AcknowledgeByEd(record, "H1", null, "dr Kim", T0.AddMinutes(7));

        Assert.Equal(HandoverOutcomeKind.Conflict, second.Kind);
        Assert.Contains("dr Lee", second.Error);
        Assert.Contains("2026-11-24T08:06:00", second.Error);
        Assert.Equal(2, record.HandoverLoops[0].Steps.Count);
        Assert.Equal(timeline, record.Timeline.Count);
    }

    [Fact]
    public void Each_acknowledgement_and_re_sent_pre_alert_is_on_the_case_timeline_without_moving_the_case()
    {
        var record = CaseAt(CaseState.Transporting);
        var before = record.Timeline.Count;

        HandoverLoops.AcknowledgeByEd(record, "H1", null, "dr Lee", T0.AddMinutes(6));
        HandoverLoops.SendPreAlert(record, "H1", "GCS now 8", "medic", T0.AddMinutes(8));

        var notes = record.Timeline.Skip(before).ToArray();
        Assert.All(notes, n => Assert.Equal((TimelineEvent?)TimelineEvent.HandoverLoop, n.Event));
        Assert.All(notes, n => Assert.Equal((CaseState.Transporting, CaseState.Transporting), (n.From, n.To)));
        Assert.Contains("GCS now 8", notes[1].Detail);
    }

    [Fact]
    public void A_pre_alert_sent_again_with_news_needs_the_EDs_acknowledgement_again()
    {
        var record = CaseAt(CaseState.Transporting);
        HandoverLoops.AcknowledgeByEd(record, "H1", null, "dr Lee", T0.AddMinutes(6));

        var again = HandoverLoops.SendPreAlert(record, "H1", "GCS now 8", "medic", T0.AddMinutes(8));

        Assert.Equal(HandoverLoopState.PreAlertSent, again.Loop!.State);
        Assert.Equal("GCS now 8", again.Loop.Message);
        Assert.Equal(T0.AddMinutes(8), again.Loop.AwaitingAcknowledgementSince);
        Assert.True(HandoverLoops.AcknowledgeByEd(record, "H1", null, "dr Kim", T0.AddMinutes(9)).Accepted);
    }

    [Fact]
    public void A_pre_alert_re_sent_while_waiting_does_not_restart_the_escalation_clock()
    {
        var record = CaseAt(CaseState.Transporting);

        HandoverLoops.SendPreAlert(record, "H1", "still coming", "medic", T0.AddMinutes(6));

        Assert.Equal(T0.AddMinutes(5), record.HandoverLoops[0].AwaitingAcknowledgementSince);
    }

    [Fact]
    public void A_diversion_redirects_the_old_EDs_loop_and_pre_alerts_the_new_one()
    {
        var record = CaseAt(CaseState.Transporting);

        var changed = Fire(record, new CaseCommand(CaseTrigger.Divert, HospitalId: "H2"), "dispatcher", T0.AddMinutes(9));

        Assert.Equal([("L1", "H1", HandoverLoopState.Redirected), ("L2", "H2", HandoverLoopState.PreAlertSent)],
            changed.Select(l => (l.Id, l.HospitalId, l.State)));
        Assert.Equal(HandoverOutcomeKind.Accepted, HandoverLoops.AcknowledgeByEd(record, "H1", null, "dr Lee", T0.AddMinutes(10)).Kind);
        Assert.Equal(HandoverLoopState.RedirectAcknowledged, record.HandoverLoops[0].State);
    }

    [Fact]
    public void A_pre_alert_from_the_scene_is_kept_by_transport_to_that_ED_and_redirected_by_transport_elsewhere()
    {
        var same = CaseAt(CaseState.OnScene);
        HandoverLoops.SendPreAlert(same, "H1", "STEMI", "medic", T0.AddMinutes(4));
        HandoverLoops.AcknowledgeByEd(same, "H1", null, "dr Lee", T0.AddMinutes(5));
        Fire(same, new CaseCommand(CaseTrigger.Transport, HospitalId: "H1"), "medic", T0.AddMinutes(6));
        Assert.Equal(HandoverLoopState.PreAlertAcknowledged, Assert.Single(same.HandoverLoops).State);

        var elsewhere = CaseAt(CaseState.OnScene);
        HandoverLoops.SendPreAlert(elsewhere, "H1", "STEMI", "medic", T0.AddMinutes(4));
        Fire(elsewhere, new CaseCommand(CaseTrigger.Transport, HospitalId: "H2"), "medic", T0.AddMinutes(6));
        Assert.Equal([HandoverLoopState.Redirected, HandoverLoopState.PreAlertSent], elsewhere.HandoverLoops.Select(l => l.State));
    }

    [Theory]
    [InlineData(CaseTrigger.Cancel)]
    [InlineData(CaseTrigger.NoTransport)]
    public void Ending_the_case_on_scene_after_a_pre_alert_cancels_the_loop_which_the_ED_acknowledges(CaseTrigger trigger)
    {
        var record = CaseAt(CaseState.OnScene);
        HandoverLoops.SendPreAlert(record, "H1", null, "medic", T0.AddMinutes(4));

        Fire(record, new CaseCommand(trigger, Disposition: NoTransportDisposition.PatientRefused), "medic", T0.AddMinutes(7));

        Assert.Equal(HandoverLoopState.Cancelled, record.HandoverLoops[0].State);
        Assert.True(HandoverLoops.AcknowledgeByEd(record, "H1", null, "dr Lee", T0.AddMinutes(8)).Accepted);
        Assert.Equal(HandoverLoopState.CancelAcknowledged, record.HandoverLoops[0].State);
    }

    [Fact]
    public void Arrival_before_any_acknowledgement_still_stamps_the_arrival()
    {
        var record = CaseAt(CaseState.AtHospital);

        Assert.Equal(HandoverLoopState.Arrived, record.HandoverLoops[0].State);
        Assert.Equal(T0.AddMinutes(6), record.HandoverLoops[0].ArrivedAt);
        Assert.Equal(HandoverOutcomeKind.Conflict, HandoverLoops.AcknowledgeByEd(record, "H1", null, "dr Lee", T0.AddMinutes(7)).Kind);
    }

    [Fact]
    public void The_crew_cannot_acknowledge_a_transfer_the_ED_has_not_recorded_nor_twice()
    {
        var record = CaseAt(CaseState.AtHospital);
        Assert.Equal(HandoverOutcomeKind.Conflict, HandoverLoops.AcknowledgeTransfer(record, "medic", T0.AddMinutes(8)).Kind);

        Fire(record, new CaseCommand(CaseTrigger.Handover), "dr Lee", T0.AddMinutes(9));
        Assert.True(HandoverLoops.AcknowledgeTransfer(record, "medic", T0.AddMinutes(10)).Accepted);
        var twice = HandoverLoops.AcknowledgeTransfer(record, "medic B", T0.AddMinutes(11));

        Assert.Equal(HandoverOutcomeKind.Conflict, twice.Kind);
        Assert.Contains("by medic at", twice.Error);
    }

    [Theory]
    [InlineData(CaseState.Dispatched, HandoverOutcomeKind.Conflict)]
    [InlineData(CaseState.AtHospital, HandoverOutcomeKind.Conflict)]
    public void A_pre_alert_is_refused_outside_the_scene_and_the_journey(CaseState state, HandoverOutcomeKind expected)
    {
        var record = CaseAt(state);
        var loops = record.HandoverLoops.ToArray();

        var outcome = HandoverLoops.SendPreAlert(record, "H1", null, "medic", T0.AddHours(1));

        Assert.Equal(expected, outcome.Kind);
        Assert.Equal(loops, record.HandoverLoops);
    }

    [Fact]
    public void On_the_way_only_the_destination_is_pre_alerted_and_a_long_message_is_refused()
    {
        var record = CaseAt(CaseState.Transporting);

        Assert.Equal(HandoverOutcomeKind.Conflict, HandoverLoops.SendPreAlert(record, "H2", null, "medic", T0.AddMinutes(6)).Kind);
        Assert.Equal(HandoverOutcomeKind.Invalid,
            HandoverLoops.SendPreAlert(record, "H1", new string('x', HandoverLoops.MaxMessageLength + 1), "medic", T0.AddMinutes(6)).Kind);
        Assert.Single(record.HandoverLoops[0].Steps);
    }

    [Fact]
    public void An_ED_that_was_never_pre_alerted_has_nothing_to_acknowledge()
    {
        var record = CaseAt(CaseState.Transporting);

        Assert.Equal(HandoverOutcomeKind.NotFound, HandoverLoops.AcknowledgeByEd(record, "H9", null, "dr Who", T0.AddMinutes(6)).Kind);
    }

    [Fact]
    public void An_unacknowledged_pre_alert_escalates_once_per_interval_it_has_waited()
    {
        var record = CaseAt(CaseState.Transporting);
        var sent = T0.AddMinutes(5);

        Assert.Empty(HandoverLoops.Escalate(record, Interval, sent + Interval - TimeSpan.FromSeconds(1)));
        var first = Assert.Single(HandoverLoops.Escalate(record, Interval, sent + Interval));
        Assert.Empty(HandoverLoops.Escalate(record, Interval, sent + Interval + TimeSpan.FromSeconds(30)));
        var second = Assert.Single(HandoverLoops.Escalate(record, Interval, sent + (2 * Interval)));

        Assert.Equal((1, 2), (first.EscalationLevel, second.EscalationLevel));
        Assert.Equal(HandoverLoopState.PreAlertSent, second.State);
        Assert.Equal(HandoverLoops.SystemActor, second.Steps[^1].Actor);
        var escalations = record.Timeline.Where(e => e.Event == TimelineEvent.PreAlertEscalated).ToArray();
        Assert.Equal(2, escalations.Length);
        Assert.StartsWith("level 2", escalations[1].Detail);
    }

    [Fact]
    public void A_loop_that_slept_through_several_intervals_escalates_once_to_the_level_due_and_then_resumes_from_there()
    {
        var record = CaseAt(CaseState.Transporting);
        var sent = T0.AddMinutes(5);

        var jumped = Assert.Single(HandoverLoops.Escalate(record, Interval, sent + (3 * Interval) + TimeSpan.FromSeconds(10)));

        Assert.Equal(3, jumped.EscalationLevel);
        Assert.Equal(1, jumped.Steps.Count(s => s.Trigger == HandoverLoopTrigger.Escalate));
        Assert.Empty(HandoverLoops.Escalate(record, Interval, sent + (4 * Interval) - TimeSpan.FromSeconds(1)));
        Assert.Equal(4, Assert.Single(HandoverLoops.Escalate(record, Interval, sent + (4 * Interval))).EscalationLevel);
    }

    [Fact]
    public void An_acknowledged_redirected_or_arrived_loop_never_escalates()
    {
        var acknowledged = CaseAt(CaseState.Transporting);
        HandoverLoops.AcknowledgeByEd(acknowledged, "H1", null, "dr Lee", T0.AddMinutes(6));
        var arrived = CaseAt(CaseState.AtHospital);
        var diverted = CaseAt(CaseState.Transporting);
        Fire(diverted, new CaseCommand(CaseTrigger.Divert, HospitalId: "H2"), "dispatcher", T0.AddMinutes(6));

        var late = T0.AddHours(1);
        Assert.Null(HandoverLoops.EscalationDue(acknowledged.HandoverLoops[0], Interval, late));
        Assert.Null(HandoverLoops.EscalationDue(arrived.HandoverLoops[0], Interval, late));
        Assert.Null(HandoverLoops.EscalationDue(diverted.HandoverLoops[0], Interval, late));
        Assert.NotNull(HandoverLoops.EscalationDue(diverted.HandoverLoops[1], Interval, late));
    }

    [Fact]
    public void An_acknowledgement_ends_the_wait_and_a_later_re_send_starts_a_new_one_from_level_zero()
    {
        var record = CaseAt(CaseState.Transporting);
        HandoverLoops.Escalate(record, Interval, T0.AddMinutes(7));
        HandoverLoops.AcknowledgeByEd(record, "H1", null, "dr Lee", T0.AddMinutes(8));

        HandoverLoops.SendPreAlert(record, "H1", "worse", "medic", T0.AddMinutes(10));

        var loop = record.HandoverLoops[0];
        Assert.Equal(0, loop.EscalationLevel);
        Assert.Null(HandoverLoops.EscalationDue(loop, Interval, T0.AddMinutes(11)));
        Assert.Equal(1, HandoverLoops.EscalationDue(loop, Interval, T0.AddMinutes(12)));
    }
}
