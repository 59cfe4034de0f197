using EmergencyLink.Contracts;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Hospitals;
using EmergencyLink.Domain.Telemetry;
using EmergencyLink.Domain.Units;
using Orleans.Runtime;

namespace EmergencyLink.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class TelemetryGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory grains = fixture.Grains;

    /// <summary>A unit transporting a fresh case to a fresh hospital.</summary>
    private Task<(string Unit, string Case, string Hospital)> TransportingAsync() => CaseSetup.TransportingAsync(grains, "T-");

    private static TelemetryFrame Vitals(string unit, string caseId, long sequence) => new(
        unit, caseId, VehicleLinkProtocol.VitalsChannel, TelemetryKind.Vitals, sequence, 1_800_000_000_000_000 + (sequence * 1_000_000),
        TelemetryCodec.EncodeVitals(new VitalSigns(80 + sequence, 97, 120, 80, 93, 16, 36, 36.8)));

    [Fact]
    public async Task A_news2_of_seven_or_more_held_in_the_streamed_vitals_raises_one_alert_to_the_destination_ed()
    {
        var (unit, caseId, hospital) = await TransportingAsync();
        var link = grains.GetGrain<ITelemetryGrain>(unit);
        var shocked = TelemetryCodec.EncodeVitals(new VitalSigns(125, 90, 95, 60, 72, 26, 30, 38.5));

        for (var second = 1; second <= 40; second++)
        {
            await link.IngestAsync([new TelemetryFrame(unit, caseId, VehicleLinkProtocol.VitalsChannel, TelemetryKind.Vitals, second,
                1_800_000_000_000_000 + (second * 1_000_000L), shocked)], second);
        }

        var incident = await grains.GetGrain<IIncidentGrain>(caseId).GetAsync();
        var alert = Assert.Single(incident!.Alerts);
        Assert.Equal(Domain.Alerts.AlertKind.News2High, alert.Kind);
        Assert.Contains("NEWS2 11", alert.Summary);
        Assert.False(alert.Acknowledged);
        Assert.Contains(incident.Timeline, e => e.Event == TimelineEvent.Alert);
        Assert.Contains(fixture.Live.Alerts, a => a.IncidentId == caseId && a.HospitalId == hospital && a.Alert.Id == alert.Id);
    }

    private IEnumerable<TelemetryFrame> Pushed(string caseId) =>
        fixture.Live.Telemetry.Where(t => t.Delivery.CaseId == caseId).SelectMany(t => t.Delivery.Frames);

    [Fact]
    public async Task Frames_go_to_the_destination_ed_once_and_are_acknowledged_when_archived()
    {
        var (unit, caseId, hospital) = await TransportingAsync();
        var link = grains.GetGrain<ITelemetryGrain>(unit);

        var ack = await link.IngestAsync([Vitals(unit, caseId, 1), Vitals(unit, caseId, 2), Vitals(unit, caseId, 2)], 1);
        var again = await link.IngestAsync([Vitals(unit, caseId, 1), Vitals(unit, caseId, 3)], 2);

        Assert.Empty(ack.Rejected);
        Assert.Equal(2, ack.Channels.Single().ContiguousThrough);
        Assert.Equal(3, again.Channels.Single().ContiguousThrough);
        Assert.Equal([1L, 2, 3], Pushed(caseId).Select(f => f.Sequence));
        Assert.All(fixture.Live.Telemetry.Where(t => t.Delivery.CaseId == caseId), t => Assert.Equal(hospital, t.HospitalId));
        var report = (await fixture.Archive.ReportAsync(caseId, TimeSpan.FromSeconds(1))).Single();
        Assert.Equal((3L, 3L, 0L, 2L), (report.Expected, report.Received, report.Missing, report.Duplicates));
    }

    [Fact]
    public async Task A_hole_is_acknowledged_around_and_reported_as_backfilled_once_filled()
    {
        var (unit, caseId, _) = await TransportingAsync();
        var link = grains.GetGrain<ITelemetryGrain>(unit);

        var ack = await link.IngestAsync([Vitals(unit, caseId, 1), Vitals(unit, caseId, 4), Vitals(unit, caseId, 5)], 1);
        Assert.Equal(1, ack.Channels.Single().ContiguousThrough);
        Assert.Equal([new SequenceRange(4, 5)], ack.Channels.Single().Above);
        var open = (await fixture.Archive.ReportAsync(caseId, TimeSpan.FromSeconds(1))).Single();
        Assert.Equal([new SequenceRange(2, 3)], open.OpenGaps);

        ack = await link.IngestAsync([Vitals(unit, caseId, 2), Vitals(unit, caseId, 3)], 2);
        Assert.Equal(5, ack.Channels.Single().ContiguousThrough);
        var closed = (await fixture.Archive.ReportAsync(caseId, TimeSpan.FromSeconds(1))).Single();
        Assert.Empty(closed.OpenGaps);
        Assert.Equal(2, closed.Backfilled);
    }

    [Fact]
    public async Task Every_frame_of_a_batch_is_covered_by_its_acknowledgement_however_many_holes_the_channel_has()
    {
        var (unit, caseId, _) = await TransportingAsync();
        var link = grains.GetGrain<ITelemetryGrain>(unit);
        await link.IngestAsync(Enumerable.Range(0, 40).Select(i => Vitals(unit, caseId, 1 + (2 * i))).ToArray(), 1);

        var ack = (await link.IngestAsync([Vitals(unit, caseId, 5)], 2)).Channels.Single();

        Assert.Equal(1, ack.ContiguousThrough);
        Assert.Contains(ack.Above, r => r.From <= 5 && r.To >= 5);
        Assert.InRange(ack.Above.Count, 2, 17);
    }

    [Fact]
    public async Task Frames_for_a_case_the_vehicle_does_not_serve_are_refused_and_never_pushed()
    {
        var (unit, _, _) = await TransportingAsync();
        var (_, otherCase, _) = await TransportingAsync();

        var ack = await grains.GetGrain<ITelemetryGrain>(unit).IngestAsync([Vitals(unit, otherCase, 1), Vitals(unit, "INC-999999", 1)], 1);

        Assert.Equal(2, ack.Rejected.Count);
        Assert.Contains("not assigned to vehicle", ack.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("there is no case", ack.Rejected[1].Reason, StringComparison.Ordinal);
        Assert.Empty(Pushed(otherCase));
    }

    [Fact]
    public async Task Malformed_frames_are_refused_one_by_one_while_good_ones_in_the_batch_are_taken()
    {
        var (unit, caseId, _) = await TransportingAsync();
        var good = Vitals(unit, caseId, 1);
        var ack = await grains.GetGrain<ITelemetryGrain>(unit).IngestAsync(
        [
            good with { Payload = [1, 2, 3] },
            good with { VehicleId = "someone-else" },
            good with { Kind = TelemetryKind.Ecg },
            good,
        ], 1);

        Assert.Equal(3, ack.Rejected.Count);
        Assert.Equal(1, ack.Channels.Single().ContiguousThrough);
        Assert.Equal([1L], Pushed(caseId).Select(f => f.Sequence));
    }

    [Fact]
    public async Task A_resend_after_the_link_grain_was_deactivated_is_still_a_duplicate()
    {
        var (unit, caseId, _) = await TransportingAsync();
        var link = grains.GetGrain<ITelemetryGrain>(unit);
        await link.IngestAsync([Vitals(unit, caseId, 1), Vitals(unit, caseId, 2)], 1);

        var management = grains.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero);
        var links = (await management.GetSimpleGrainStatistics()).Where(s => s.GrainType.Contains(nameof(TelemetryGrain), StringComparison.Ordinal));
        Assert.Equal(0, links.Sum(s => s.ActivationCount));
        var ack = await link.IngestAsync([Vitals(unit, caseId, 2), Vitals(unit, caseId, 3)], 2);

        Assert.Equal(3, ack.Channels.Single().ContiguousThrough);
        Assert.Equal([1L, 2, 3], Pushed(caseId).Select(f => f.Sequence));
    }

    [Fact]
    public async Task The_next_batch_reaches_the_ed_while_the_one_before_waits_for_its_commit_and_neither_is_acknowledged_before_it_is_durable()
    {
        var (unit, caseId, _) = await TransportingAsync();
        var link = grains.GetGrain<ITelemetryGrain>(unit);
        fixture.Holding.Hold(unit);

        var first = await link.AcceptAsync([Vitals(unit, caseId, 1)], 1);
        var firstAck = link.AcknowledgeAsync(first);
        var second = await link.AcceptAsync([Vitals(unit, caseId, 2)], 2);
        var secondAck = link.AcknowledgeAsync(second);
        var resent = await link.AcceptAsync([Vitals(unit, caseId, 1)], 3);
        var resentAck = link.AcknowledgeAsync(resent);

        Assert.Equal([1L, 2], Pushed(caseId).Select(f => f.Sequence));
        await Task.Delay(200);
        Assert.False(firstAck.IsCompleted || secondAck.IsCompleted || resentAck.IsCompleted);
        Assert.Empty(await fixture.Archive.ReadAsync(caseId, null, 0, long.MaxValue, 10));

        fixture.Holding.Release(unit);
        Assert.Equal(1, (await firstAck).Channels.Single().ContiguousThrough);
        Assert.Equal(2, (await secondAck).Channels.Single().ContiguousThrough);
        Assert.Equal(2, (await resentAck).Channels.Single().ContiguousThrough);
        Assert.Equal([1L, 2], (await fixture.Archive.ReadAsync(caseId, null, 0, long.MaxValue, 10)).Select(f => f.Sequence));
    }

    [Fact]
    public async Task A_batch_whose_archive_commit_fails_is_not_acknowledged_nor_is_a_resend_of_it_waiting_behind_it_and_it_is_taken_when_sent_again()
    {
        var (unit, caseId, _) = await TransportingAsync();
        var link = grains.GetGrain<ITelemetryGrain>(unit);
        await link.IngestAsync([Vitals(unit, caseId, 1)], 1);
        fixture.Holding.Hold(unit);
        fixture.Holding.FailNext(unit);

        var failing = await link.AcceptAsync([Vitals(unit, caseId, 2)], 2);
        var resentWhileFailing = await link.AcceptAsync([Vitals(unit, caseId, 2), Vitals(unit, caseId, 3)], 3);
        fixture.Holding.Release(unit);

        await Assert.ThrowsAnyAsync<Exception>(() => link.AcknowledgeAsync(failing));
        await Assert.ThrowsAnyAsync<Exception>(() => link.AcknowledgeAsync(resentWhileFailing));
        var ack = await link.IngestAsync([Vitals(unit, caseId, 2), Vitals(unit, caseId, 3)], 4);

        Assert.Equal(3, ack.Channels.Single().ContiguousThrough);
        Assert.Equal([1L, 2, 3], (await fixture.Archive.ReadAsync(caseId, null, 0, long.MaxValue, 10)).Select(f => f.Sequence));
    }

    [Fact]
    public async Task A_ticket_from_an_earlier_activation_is_refused_so_the_gateway_sends_again()
    {
        var (unit, caseId, _) = await TransportingAsync();
        var link = grains.GetGrain<ITelemetryGrain>(unit);
        var ticket = await link.AcceptAsync([Vitals(unit, caseId, 1)], 1);

        await Assert.ThrowsAnyAsync<Exception>(() => link.AcknowledgeAsync(ticket with { Activation = Guid.NewGuid() }));
        Assert.Equal(1, (await link.AcknowledgeAsync(ticket)).Channels.Single().ContiguousThrough);
    }
}
