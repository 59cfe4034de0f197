using EmergencyLink.Clinical.Live;
using EmergencyLink.Clinical.Synthetic;
using EmergencyLink.Contracts;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Alerts;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Hospitals;
using EmergencyLink.Domain.Telemetry;
using EmergencyLink.Domain.Units;

namespace EmergencyLink.Grains.Tests;

/// <summary>
/// The live ECG analysis in the vehicle's link grain: a synthetic STEMI patient streamed in 40-ms frames, one second
/// (25 frames) per upload, raises the STEMI alert on the case after two 10-s windows.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class EcgAnalysisTests(ClusterFixture fixture)
{
    private const int Rate = 500;
    private const int FrameSamples = 20;
    private const long Epoch = 1_800_000_000_000_000;
    private readonly IGrainFactory grains = fixture.Grains;

    private Task<(string Unit, string Case, string Hospital)> OnSceneAsync() => CaseSetup.OnSceneAsync(grains, "E-");

    private Task<CommandResult<IncidentSnapshot>> TransportAsync(string caseId, string hospital) =>
        grains.GetGrain<IIncidentGrain>(caseId).FireAsync(new CaseCommand(CaseTrigger.Transport, HospitalId: hospital), "tester");

    /// <summary>Streams seconds [from, to) of the patient, one upload per second, continuing its sequence numbers.</summary>
    private static async Task StreamAsync(ITelemetryGrain link, string unit, string caseId, SyntheticPatient patient, int from, int to)
    {
        for (var second = from; second < to; second++)
        {
            var frames = new TelemetryFrame[Rate / FrameSamples];
            for (var f = 0; f < frames.Length; f++)
            {
                var leads = patient.Ecg.Next(FrameSamples);
                var raw = leads.Select(l => l.Select(v => (short)Math.Round(v * 1000)).ToArray()).ToArray();
                var first = patient.Ecg.SamplesGenerated - FrameSamples;
                var sequence = 1 + (first / FrameSamples);
                frames[f] = new TelemetryFrame(unit, caseId, VehicleLinkProtocol.EcgChannel, TelemetryKind.Ecg, sequence,
                    Epoch + (first * 1_000_000 / Rate), TelemetryCodec.EncodeEcg(new EcgBlock(Rate, 1, first, raw)));
            }

            var ack = await link.IngestAsync(frames, Epoch + (second * 1_000_000L));
            Assert.Empty(ack.Rejected);
        }
    }

    [Fact]
    public async Task A_streamed_stemi_raises_the_alert_on_the_case_and_to_the_destination_ed()
    {
        var (unit, caseId, hospital) = await OnSceneAsync();
        Assert.True((await TransportAsync(caseId, hospital)).Succeeded);
        var link = grains.GetGrain<ITelemetryGrain>(unit);
        var patient = SyntheticScenarios.Create(SyntheticScenarios.StemiInferior, 31, Rate);

        await StreamAsync(link, unit, caseId, patient, 0, 20);
        Assert.Empty((await grains.GetGrain<IIncidentGrain>(caseId).GetAsync())!.Alerts);
        await StreamAsync(link, unit, caseId, patient, 20, 23);

        var incident = (await grains.GetGrain<IIncidentGrain>(caseId).GetAsync())!;
        var alert = Assert.Single(incident.Alerts);
        Assert.Equal(AlertKind.Stemi, alert.Kind);
        Assert.Equal(EcgMonitor.Source, alert.Source);
        Assert.Contains("inferior", alert.Summary);
        Assert.Contains(alert.Evidence, e => e.Item == "III" && e.Value >= 0.1);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddTicks(Epoch * 10), alert.ObservedAt);
        Assert.Contains(incident.Timeline, e => e.Event == TimelineEvent.Alert && e.Actor == EcgMonitor.Source && e.Detail!.Contains("Stemi", StringComparison.Ordinal));
        Assert.Contains(fixture.Live.Alerts, a => a.IncidentId == caseId && a.HospitalId == hospital && a.Alert.Id == alert.Id);
    }

    [Fact]
    public async Task An_alert_the_case_failed_to_record_is_kept_and_recorded_on_a_later_upload()
    {
        var (unit, caseId, hospital) = await OnSceneAsync();
        Assert.True((await TransportAsync(caseId, hospital)).Succeeded);
        var link = grains.GetGrain<ITelemetryGrain>(unit);
        var patient = SyntheticScenarios.Create(SyntheticScenarios.StemiAnterior, 32, Rate);
        fixture.Faults.Fail(nameof(IIncidentGrain.RaiseAlertAsync), caseId, 2);

        await StreamAsync(link, unit, caseId, patient, 0, 23);

        // The first try failed and the retry waits its interval on the (stopped) test clock.
        Assert.Equal(1, fixture.Faults.Remaining(nameof(IIncidentGrain.RaiseAlertAsync), caseId));
        Assert.Empty((await grains.GetGrain<IIncidentGrain>(caseId).GetAsync())!.Alerts);
        fixture.Time.Advance(TimeSpan.FromSeconds(2));
        await StreamAsync(link, unit, caseId, patient, 23, 24);
        Assert.Equal(0, fixture.Faults.Remaining(nameof(IIncidentGrain.RaiseAlertAsync), caseId));
        Assert.Empty((await grains.GetGrain<IIncidentGrain>(caseId).GetAsync())!.Alerts);
        fixture.Time.Advance(TimeSpan.FromSeconds(2));
        await StreamAsync(link, unit, caseId, patient, 24, 25);

        var alert = Assert.Single((await grains.GetGrain<IIncidentGrain>(caseId).GetAsync())!.Alerts);
        Assert.Equal(AlertKind.Stemi, alert.Kind);
        Assert.Contains(fixture.Live.Alerts, a => a.IncidentId == caseId && a.HospitalId == hospital && a.Alert.Id == alert.Id);
    }

    [Fact]
    public async Task An_alert_raised_before_the_case_had_a_destination_is_pushed_to_the_ed_it_is_transported_to()
    {
        var (unit, caseId, hospital) = await OnSceneAsync();
        var link = grains.GetGrain<ITelemetryGrain>(unit);
        var patient = SyntheticScenarios.Create(SyntheticScenarios.StemiLateral, 33, Rate);

        await StreamAsync(link, unit, caseId, patient, 0, 23);
        var alert = Assert.Single((await grains.GetGrain<IIncidentGrain>(caseId).GetAsync())!.Alerts);
        Assert.Contains(fixture.Live.Alerts, a => a.IncidentId == caseId && a.HospitalId is null && a.Alert.Id == alert.Id);
        Assert.DoesNotContain(fixture.Live.Forwarded, f => f.IncidentId == caseId);

        Assert.True((await TransportAsync(caseId, hospital)).Succeeded);
        var forwarded = Assert.Single(fixture.Live.Forwarded, f => f.IncidentId == caseId);
        Assert.Equal((hospital, alert.Id, AlertKind.Stemi), (forwarded.HospitalId, forwarded.Alert.Id, forwarded.Alert.Kind));

        // Later steps that keep the destination do not push the alerts again.
        Assert.True((await grains.GetGrain<IIncidentGrain>(caseId).FireAsync(new CaseCommand(CaseTrigger.ArriveHospital), "tester")).Succeeded);
        Assert.Single(fixture.Live.Forwarded, f => f.IncidentId == caseId);
    }
}
