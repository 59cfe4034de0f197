using EmergencyLink.Contracts;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Handover;
using EmergencyLink.Domain.Hospitals;

namespace EmergencyLink.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class HandoverLoopTests(ClusterFixture fixture)
{
    private readonly IGrainFactory grains = fixture.Grains;

    private async Task<string> NewHospitalAsync()
    {
        var id = "H-" + Guid.NewGuid().ToString("N")[..8];
        await grains.GetGrain<IHospitalGrain>(id).RegisterAsync(new HospitalRegistration(
            "General " + id, new GeoPoint(44.02, -38.01), new HospitalCapabilities(true, false, true, 2, false), 20, 8));
        return id;
    }

    /// <summary>A case with its own unit, walked on scene (and on to <paramref name="hospitalId"/> if given).</summary>
    private async Task<string> NewCaseAsync(string? hospitalId)
    {
        var unitId = "U-" + Guid.NewGuid().ToString("N")[..8];
        await grains.GetGrain<IAmbulanceGrain>(unitId)
            .RegisterAsync(new AmbulanceRegistration("Medic " + unitId, Domain.Units.UnitCapability.ALS, "ST01", new GeoPoint(44, -38)));
        var opened = await grains.GetGrain<IIncidentRegistryGrain>(GrainKeys.Region)
            .OpenAsync(new NewIncident(new GeoPoint(44.01, -38.02), "chest pain", 1), "calltaker");
        var id = opened.Value!.Id;
        foreach (var command in new CaseCommand[]
        {
            new(CaseTrigger.Triage), new(CaseTrigger.Assign, AmbulanceId: unitId), new(CaseTrigger.EnRoute), new(CaseTrigger.ArriveScene),
        })
        {
            await FireOkAsync(id, command, "dispatcher");
        }

        if (hospitalId is not null)
        {
            await FireOkAsync(id, new CaseCommand(CaseTrigger.Transport, HospitalId: hospitalId), "medic");
        }

        return id;
    }

    private async Task<IncidentSnapshot> FireOkAsync(string id, CaseCommand command, string actor)
    {
        var result = await grains.GetGrain<IIncidentGrain>(id).FireAsync(command, actor);
        Assert.True(result.Succeeded, $"{command.Trigger}: {result.Status} {result.Error}");
        return result.Value!;
    }

    private async Task<HandoverLoop> LoopAsync(string id, int index = 0) =>
        (await grains.GetGrain<IIncidentGrain>(id).GetAsync())!.HandoverLoops[index];

    [Fact]
    public async Task The_whole_loop_is_stamped_on_the_case_and_its_offload_interval_reaches_the_hospitals_statistics()
    {
        var hospitalId = await NewHospitalAsync();
        var id = await NewCaseAsync(hospitalId);
        var incident = grains.GetGrain<IIncidentGrain>(id);
        var sent = fixture.Time.GetUtcNow();

        var acknowledged = await incident.AcknowledgeHandoverLoopAsync(hospitalId, null, "dr Lee");
        await FireOkAsync(id, new CaseCommand(CaseTrigger.ArriveHospital), "medic");
        var arrived = fixture.Time.GetUtcNow();
        fixture.Time.Advance(TimeSpan.FromMinutes(23));
        await FireOkAsync(id, new CaseCommand(CaseTrigger.Handover), "dr Lee");
        var confirmed = await incident.AcknowledgeTransferAsync("medic");

        Assert.Equal(CommandStatus.Ok, acknowledged.Status);
        Assert.Equal(CommandStatus.Ok, confirmed.Status);
        var loop = await LoopAsync(id);
        Assert.Equal(HandoverLoopState.TransferAcknowledged, loop.State);
        Assert.Equal(["medic", "dr Lee", "medic", "dr Lee", "medic"], loop.Steps.Select(s => s.Actor));
        Assert.Equal(sent, loop.PreAlertSentAt);
        Assert.Equal((arrived, TimeSpan.FromMinutes(23)), (loop.ArrivedAt!.Value, loop.OffloadInterval!.Value));

        var offload = await grains.GetGrain<IHospitalGrain>(hospitalId).GetOffloadAsync();
        Assert.Equal((1, 23 * 60.0, 23 * 60.0), (offload!.Count, offload.MedianSeconds, offload.Centile90Seconds));
        Assert.Equal(id, Assert.Single(offload.Recent).IncidentId);

        // The ED's board was told every step of its loop.
        var pushed = fixture.Live.Loops.Where(l => l.IncidentId == id && !l.Escalation).Select(l => l.Loop.State).ToArray();
        Assert.Equal(
            [HandoverLoopState.PreAlertSent, HandoverLoopState.PreAlertAcknowledged, HandoverLoopState.Arrived,
                HandoverLoopState.TransferOfCare, HandoverLoopState.TransferAcknowledged],
            pushed);
    }

    [Fact]
    public async Task The_inbound_board_carries_the_loop_state()
    {
        var hospitalId = await NewHospitalAsync();
        var id = await NewCaseAsync(hospitalId);

        await grains.GetGrain<IIncidentGrain>(id).AcknowledgeHandoverLoopAsync(hospitalId, null, "dr Lee");

        var inbound = (await grains.GetGrain<IHospitalGrain>(hospitalId).GetInboundAsync()).Single(i => i.Id == id);
        Assert.Equal(HandoverLoopState.PreAlertAcknowledged, Assert.Single(inbound.HandoverLoops).State);
    }

    [Fact]
    public async Task A_second_acknowledgement_is_a_conflict_naming_the_first_and_changes_nothing()
    {
        var hospitalId = await NewHospitalAsync();
        var id = await NewCaseAsync(hospitalId);
        var incident = grains.GetGrain<IIncidentGrain>(id);
        await incident.AcknowledgeHandoverLoopAsync(hospitalId, null, "dr Lee");
        var timeline = (await incident.GetAsync())!.Timeline.Count;

        var second = await incident.AcknowledgeHandoverLoopAsync(hospitalId, null, "dr Kim");

        Assert.Equal(CommandStatus.Conflict, second.Status);
        Assert.Contains("dr Lee", second.Error);
        Assert.Equal(timeline, (await incident.GetAsync())!.Timeline.Count);
    }

    [Fact]
    public async Task A_diversion_tells_the_old_ED_to_stand_down_and_pre_alerts_the_new_one()
    {
        var first = await NewHospitalAsync();
        var second = await NewHospitalAsync();
        var id = await NewCaseAsync(first);

        await FireOkAsync(id, new CaseCommand(CaseTrigger.Divert, HospitalId: second), "dispatcher");
        var stoodDown = await grains.GetGrain<IIncidentGrain>(id).AcknowledgeHandoverLoopAsync(first, null, "dr Lee");

        Assert.Equal(HandoverLoopState.RedirectAcknowledged, stoodDown.Value!.State);
        Assert.Equal(HandoverLoopState.PreAlertSent, (await LoopAsync(id, 1)).State);
        var pushed = fixture.Live.Loops.Where(l => l.IncidentId == id).Select(l => (l.Loop.HospitalId, l.Loop.State)).ToArray();
        Assert.Contains((first, HandoverLoopState.Redirected), pushed);
        Assert.Contains((second, HandoverLoopState.PreAlertSent), pushed);
    }

    [Fact]
    public async Task A_pre_alert_sent_from_the_scene_is_cancelled_by_no_transport()
    {
        var hospitalId = await NewHospitalAsync();
        var id = await NewCaseAsync(null);
        var incident = grains.GetGrain<IIncidentGrain>(id);

        var sent = await incident.SendPreAlertAsync(hospitalId, "query STEMI", "medic");
        await FireOkAsync(id, new CaseCommand(CaseTrigger.NoTransport, Disposition: NoTransportDisposition.PatientRefused), "medic");

        Assert.Equal(("query STEMI", HandoverLoopState.PreAlertSent), (sent.Value!.Message, sent.Value.State));
        Assert.Equal(HandoverLoopState.Cancelled, (await LoopAsync(id)).State);
        Assert.Equal(CommandStatus.Ok, (await incident.AcknowledgeHandoverLoopAsync(hospitalId, null, "dr Lee")).Status);
    }

    [Fact]
    public async Task Loop_steps_the_case_does_not_allow_are_refused()
    {
        var hospitalId = await NewHospitalAsync();
        var id = await NewCaseAsync(hospitalId);
        var incident = grains.GetGrain<IIncidentGrain>(id);

        Assert.Equal(CommandStatus.Conflict, (await incident.AcknowledgeTransferAsync("medic")).Status);
        Assert.Equal(CommandStatus.Conflict, (await incident.SendPreAlertAsync("H-elsewhere", null, "medic")).Status);
        Assert.Equal(CommandStatus.NotFound, (await incident.AcknowledgeHandoverLoopAsync("H-elsewhere", null, "dr Who")).Status);
        Assert.Equal(CommandStatus.NotFound, (await grains.GetGrain<IIncidentGrain>("INC-NONE-" + Guid.NewGuid().ToString("N")[..6])
            .SendPreAlertAsync(hospitalId, null, "medic")).Status);
    }

    [Fact]
    public async Task An_unacknowledged_pre_alert_is_escalated_to_the_ED_and_on_the_timeline_each_interval_until_acknowledged()
    {
        var hospitalId = await NewHospitalAsync();
        var id = await NewCaseAsync(hospitalId);
        var incident = grains.GetGrain<IIncidentGrain>(id);

        fixture.Time.Advance(TimeSpan.FromMinutes(2));
        var first = await WaitForEscalationAsync(id, level: 1);
        fixture.Time.Advance(TimeSpan.FromMinutes(2));
        var second = await WaitForEscalationAsync(id, level: 2);
        await incident.AcknowledgeHandoverLoopAsync(hospitalId, null, "dr Lee");
        fixture.Time.Advance(TimeSpan.FromMinutes(4));
        await Task.Delay(500);

        Assert.Equal((hospitalId, hospitalId), (first.HospitalId, second.HospitalId));
        var escalations = fixture.Live.Loops.Count(l => l.IncidentId == id && l.Escalation);
        Assert.Equal(2, escalations);
        var timeline = (await incident.GetAsync())!.Timeline;
        Assert.Equal(2, timeline.Count(e => e.Event == TimelineEvent.PreAlertEscalated));
        Assert.Equal(HandoverLoopState.PreAlertAcknowledged, (await LoopAsync(id)).State);
    }

    [Fact]
    public async Task A_waiting_pre_alert_keeps_one_escalation_reminder_registered_until_the_ED_acknowledges_it()
    {
        var hospitalId = await NewHospitalAsync();
        var id = await NewCaseAsync(hospitalId);
        var onScene = await NewCaseAsync(hospitalId: null);
        var incident = grains.GetGrain<IIncidentGrain>(id);
        var reminders = fixture.Reminders();

        var registered = await reminders.ReadRow(incident.GetGrainId(), IncidentGrain.EscalationReminder);
        Assert.NotNull(registered);
        Assert.Equal(TimeSpan.FromSeconds(1), registered.Period);
        Assert.Null(await reminders.ReadRow(grains.GetGrain<IIncidentGrain>(onScene).GetGrainId(), IncidentGrain.EscalationReminder));

        // A new activation of the still-waiting case keeps the row it finds rather than registering it again.
        await fixture.Cluster.DeactivateAsync(incident);
        await incident.GetAsync();
        Assert.Equal(registered.ETag, (await reminders.ReadRow(incident.GetGrainId(), IncidentGrain.EscalationReminder))?.ETag);

        await incident.AcknowledgeHandoverLoopAsync(hospitalId, null, "dr Lee");

        Assert.Null(await reminders.ReadRow(incident.GetGrainId(), IncidentGrain.EscalationReminder));
    }

    [Fact]
    public async Task A_case_left_without_an_activation_is_woken_by_its_reminder_and_escalates_its_waiting_pre_alert()
    {
        var hospitalId = await NewHospitalAsync();
        var id = await NewCaseAsync(hospitalId);
        var incident = grains.GetGrain<IIncidentGrain>(id);
        var unitId = (await incident.GetAsync())!.AmbulanceId!;

        // What a dead node leaves behind: neither the case nor its unit active anywhere, and nobody calling either (the
        // unit's reconciliation would otherwise wake the case).
        await fixture.Cluster.DeactivateAsync(incident);
        await fixture.Cluster.DeactivateAsync(grains.GetGrain<IAmbulanceGrain>(unitId));
        fixture.Time.Advance(TimeSpan.FromMinutes(2));

        // The test clock now stands still, so the woken case's timer (on that clock) never fires: the reminder's tick
        // (on the real clock, every second here) must run the check itself.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var escalated = fixture.Live.Loops.FirstOrDefault(l => l.IncidentId == id && l.Escalation);
        while (escalated.Loop is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            escalated = fixture.Live.Loops.FirstOrDefault(l => l.IncidentId == id && l.Escalation);
        }

        Assert.NotNull(escalated.Loop);
        Assert.Equal((hospitalId, 1), (escalated.Loop.HospitalId, escalated.Loop.EscalationLevel));
    }

    private async Task<HandoverLoop> WaitForEscalationAsync(string id, int level)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var escalated = fixture.Live.Loops.FirstOrDefault(l => l.IncidentId == id && l.Escalation && l.Loop.EscalationLevel == level);
            if (escalated.Loop is not null)
            {
                return escalated.Loop;
            }

            // Orleans 10 runs grain timers on the injected clock: after the jump that made a level due, the next check
            // is due 100 ms of test time after the previous one finished, so the clock must keep moving a little.
            await Task.Delay(50);
            fixture.Time.Advance(TimeSpan.FromMilliseconds(100));
        }

        var loop = await LoopAsync(id);
        throw new TimeoutException($"Case {id} was not escalated to level {level} by {fixture.Time.GetUtcNow():O}: "
            + string.Join("; ", loop.Steps.Select(s => $"{s.Trigger} {s.At:O} {s.Detail}")));
    }
}
