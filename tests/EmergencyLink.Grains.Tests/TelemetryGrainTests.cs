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
}
