using System.Diagnostics;
using EmergencyLink.Contracts;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Hospitals;
using EmergencyLink.Domain.Telemetry;
using EmergencyLink.Domain.Units;
using EmergencyLink.Grains.Live;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace EmergencyLink.Grains.Tests.Fanout;

/// <summary>
/// The live fan-out between server nodes: each test starts its own small cluster, since one of them kills a silo.
/// In the shared cluster's collection only so as not to run beside it: its metrics tests listen to every meter named
/// EmergencyLink in the process, and these clusters' grains would add to their counts.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FanoutTests
{
    private static async Task<(string Unit, string Case, string Hospital)> TransportingAsync(IGrainFactory grains)
    {
        var unit = "T-" + Guid.NewGuid().ToString("N")[..8];
        await grains.GetGrain<IAmbulanceGrain>(unit).RegisterAsync(new AmbulanceRegistration("Medic " + unit, UnitCapability.ALS, "ST01", new GeoPoint(44, -38)));
        var hospital = "H-" + Guid.NewGuid().ToString("N")[..8];
        await grains.GetGrain<IHospitalGrain>(hospital).RegisterAsync(new HospitalRegistration(
            "General " + hospital, new GeoPoint(44.02, -38.01), new HospitalCapabilities(true, true, true, 2, false), 20, 8));
        var opened = await grains.GetGrain<IIncidentRegistryGrain>(GrainKeys.Region).OpenAsync(new NewIncident(new GeoPoint(44.01, -38.02), "chest pain", 1), "calltaker");
        var id = opened.Value!.Id;
        foreach (var command in new[]
        {
            new CaseCommand(CaseTrigger.Triage), new CaseCommand(CaseTrigger.Assign, AmbulanceId: unit), new CaseCommand(CaseTrigger.EnRoute),
            new CaseCommand(CaseTrigger.ArriveScene), new CaseCommand(CaseTrigger.Transport, HospitalId: hospital),
        })
        {
            var result = await grains.GetGrain<IIncidentGrain>(id).FireAsync(command, "tester");
            Assert.True(result.Succeeded, $"{command.Trigger}: {result.Error}");
        }

        return (unit, id, hospital);
    }

    private static TelemetryFrame Vitals(string unit, string caseId, long sequence) => new(
        unit, caseId, VehicleLinkProtocol.VitalsChannel, TelemetryKind.Vitals, sequence, 1_800_000_000_000_000 + (sequence * 1_000_000),
        TelemetryCodec.EncodeVitals(new VitalSigns(80 + (sequence % 40), 97, 120, 80, 93, 16, 36, 36.8)));

    private static async Task StreamAsync(IGrainFactory grains, string unit, string caseId, int frames)
    {
        var link = grains.GetGrain<ITelemetryGrain>(unit);
        for (var sequence = 1; sequence <= frames; sequence++)
        {
            await link.IngestAsync([Vitals(unit, caseId, sequence)], sequence);
        }
    }

    [Fact]
    public async Task Every_change_a_grain_makes_on_one_silo_reaches_the_other_silos_feed_once_and_in_order()
    {
        await using var cluster = await FanoutCluster.StartAsync(silos: 2);
        await cluster.WaitLinkedAsync();

        // Several cases, so that grains are spread over both silos and both directions are exercised.
        var cases = new List<(string Unit, string Case, string Hospital)>();
        for (var i = 0; i < 4; i++)
        {
            cases.Add(await TransportingAsync(cluster.Grains));
        }

        await Task.WhenAll(cases.Select(c => StreamAsync(cluster.Grains, c.Unit, c.Case, 60)));
        var (first, second) = (cluster.Silos[0], cluster.Silos[1]);

        // Each silo's replica holds exactly what the other silo's grains produced, source by source in the same order.
        await Eventually.HoldsAsync(() => SameByKey(FanoutCluster.Origin(first), FanoutCluster.Replica(second))
            && SameByKey(FanoutCluster.Origin(second), FanoutCluster.Replica(first)), TimeSpan.FromSeconds(10), "replicas match origins");

        var everything = FanoutCluster.Origin(first).Lines.Concat(FanoutCluster.Origin(second).Lines).ToArray();
        foreach (var (_, caseId, hospital) in cases)
        {
            var frames = everything.Where(l => l.Key == caseId && l.Line.StartsWith("telemetry", StringComparison.Ordinal)).Select(l => l.Line).ToArray();
            Assert.Equal(Enumerable.Range(1, 60).Select(s => $"telemetry {hospital} {caseId} [{VehicleLinkProtocol.VitalsChannel}#{s}:"),
                frames.Select(f => f[..f.LastIndexOf(':')] + ":"));
            Assert.Contains(everything, l => l.Key == caseId && l.Line.StartsWith("incident " + caseId + "/" + CaseState.Transporting, StringComparison.Ordinal));
        }

        // Both silos made changes: the test exercised both directions, not one.
        Assert.NotEmpty(FanoutCluster.Replica(first).Lines);
        Assert.NotEmpty(FanoutCluster.Replica(second).Lines);
        Assert.All(cluster.Silos, s => Assert.All(FanoutCluster.Fanout(s).Stats(), l => Assert.Equal(0, l.Dropped)));
    }

    private static bool SameByKey(LiveLog origin, LiveLog replica)
    {
        var expected = origin.ByKey();
        var actual = replica.ByKey();
        return expected.Count == actual.Count
            && expected.All(e => actual.TryGetValue(e.Key, out var lines) && lines.SequenceEqual(e.Value));
    }

    [Fact]
    public async Task A_single_silo_forwards_nothing()
    {
        await using var cluster = await FanoutCluster.StartAsync(silos: 1);
        var silo = cluster.Silos[0];
        var (unit, caseId, _) = await TransportingAsync(cluster.Grains);
        await StreamAsync(cluster.Grains, unit, caseId, 5);

        Assert.Contains(FanoutCluster.Origin(silo).Lines, l => l.Key == caseId);
        Assert.Empty(FanoutCluster.Fanout(silo).Stats());
        Assert.Empty(FanoutCluster.Replica(silo).Lines);
    }

    private static TelemetryFrame Ecg(string unit, string caseId, long sequence) => new(
        unit, caseId, VehicleLinkProtocol.EcgChannel, TelemetryKind.Ecg, sequence, 1_800_000_000_000_000 + (sequence * 40_000),
        TelemetryCodec.EncodeEcg(new EcgBlock(500, 1, sequence * 20, [.. Enumerable.Range(0, 12).Select(_ => new short[20])])));

    [Fact]
    public async Task A_cases_ecg_goes_only_to_a_silo_that_views_it_while_its_vitals_go_to_every_silo()
    {
        await using var cluster = await FanoutCluster.StartAsync(silos: 2);
        await cluster.WaitLinkedAsync();
        var (source, viewer) = (cluster.Silos[0], cluster.Silos[1]);
        var feed = source.ServiceProvider.GetRequiredService<ILiveFeed>();
        Task SendAsync(long sequence, params TelemetryFrame[] frames) =>
            feed.TelemetryAsync("H1", new TelemetryDelivery("C1", frames, sequence, sequence, false));

        await SendAsync(1, Ecg("U1", "C1", 1), Vitals("U1", "C1", 1));
        using (await FanoutCluster.Fanout(viewer).ViewAsync("C1"))
        {
            // Announced before the hold returns: the very next delivery goes whole.
            Assert.True(FanoutCluster.Fanout(source).ViewsAtFullRate(viewer.SiloAddress, "C1"));
            await SendAsync(2, Ecg("U1", "C1", 2), Vitals("U1", "C1", 2));
            await SendAsync(3, Ecg("U1", "C1", 3));
        }

        await Eventually.HoldsAsync(() => !FanoutCluster.Fanout(source).ViewsAtFullRate(viewer.SiloAddress, "C1"), TimeSpan.FromSeconds(10),
            "the release reached the source");
        await SendAsync(4, Ecg("U1", "C1", 4), Vitals("U1", "C1", 4));
        await SendAsync(5, Ecg("U1", "C1", 5));
        await SendAsync(6, Vitals("U1", "C1", 6));

        // A link keeps its order, so once #6 is there everything sent before it is too.
        await Eventually.HoldsAsync(() => FanoutCluster.Replica(viewer).Lines.Any(l => l.Line.Contains("#6:", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10), "the last delivery arrived");
        var ecg = VehicleLinkProtocol.EcgChannel;
        var vitals = VehicleLinkProtocol.VitalsChannel;
        Assert.Equal(
            [$"[{vitals}#1]", $"[{ecg}#2,{vitals}#2]", $"[{ecg}#3]", $"[{vitals}#4]", $"[{vitals}#6]"],
            FanoutCluster.Replica(viewer).Lines.Where(l => l.Key == "C1")
                .Select(l => System.Text.RegularExpressions.Regex.Replace(l.Line[l.Line.IndexOf('[', StringComparison.Ordinal)..], ":[0-9]+", "")));

        // The source's own viewers got everything, whoever views elsewhere.
        Assert.Equal(6, FanoutCluster.Origin(source).Lines.Count(l => l.Key == "C1"));
    }

    [Fact]
    public async Task A_silo_that_dies_neither_blocks_nor_fails_the_sender_and_is_unlinked()
    {
        await using var cluster = await FanoutCluster.StartAsync(silos: 2, queueCapacity: 100);
        await cluster.WaitLinkedAsync();
        var survivor = cluster.Silos[0];
        var dead = cluster.Silos[1];
        await cluster.Cluster.KillSiloAsync((InProcessSiloHandle)dead);

        // The survivor's feed, as its grains call it: far more changes than the dead node's queue holds.
        var feed = survivor.ServiceProvider.GetRequiredService<ILiveFeed>();
        var slowest = TimeSpan.Zero;
        for (var sequence = 1; sequence <= 2_000; sequence++)
        {
            var started = Stopwatch.GetTimestamp();
            await feed.TelemetryAsync("H1", new TelemetryDelivery("C1", [Vitals("U1", "C1", sequence)], sequence, sequence, false));
            var took = Stopwatch.GetElapsedTime(started);
            slowest = took > slowest ? took : slowest;
        }

        Assert.Equal(2_000, FanoutCluster.Origin(survivor).Lines.Count);
        Assert.True(slowest < TimeSpan.FromMilliseconds(200), $"a call to the feed took {slowest.TotalMilliseconds} ms");

        // Membership ends the link. (In process it does so before the queue can fill, so the drop count is checked
        // where it can be forced: LiveNodeLinkTests.)
        await Eventually.HoldsAsync(() => FanoutCluster.Fanout(survivor).Stats().Count == 0, TimeSpan.FromSeconds(60), "the dead node unlinked");
    }
}
