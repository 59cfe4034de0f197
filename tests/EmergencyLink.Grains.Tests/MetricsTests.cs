using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using EmergencyLink.Contracts;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Hospitals;
using EmergencyLink.Domain.Telemetry;
using EmergencyLink.Domain.Units;

namespace EmergencyLink.Grains.Tests;

/// <summary>
/// The operator's figures count what happened, once: the collection's tests run one at a time, so every measurement
/// taken during a test is that test's.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class MetricsTests : IDisposable
{
    private readonly IGrainFactory grains;
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> measured = new();
    private readonly MeterListener listener = new();

    public MetricsTests(ClusterFixture fixture)
    {
        grains = fixture.Grains;
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == EmergencyLinkMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        listener.Start();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        measured.Enqueue((instrument.Name, value, copy));
    }

    private double Sum(string instrument, params (string Key, object Value)[] tags) => measured
        .Where(m => m.Instrument == instrument && tags.All(t => Equals(m.Tags.GetValueOrDefault(t.Key), t.Value)))
        .Sum(m => m.Value);

    public void Dispose() => listener.Dispose();


    private static TelemetryFrame Vitals(string unit, string caseId, long sequence) => new(
        unit, caseId, VehicleLinkProtocol.VitalsChannel, TelemetryKind.Vitals, sequence, 1_800_000_000_000_000 + (sequence * 1_000_000),
        TelemetryCodec.EncodeVitals(new VitalSigns(80, 97, 120, 80, 93, 16, 36, 36.8)));

    [Fact]
    public async Task Frames_are_counted_by_outcome_and_a_hole_counts_as_missing_until_its_frame_is_backfilled()
    {
        var (unit, caseId, _) = await CaseSetup.TransportingAsync(grains, "M-");
        Assert.Equal(5, Sum("emergencylink.cases.transitions"));
        var link = grains.GetGrain<ITelemetryGrain>(unit);

        // 1 and 3 arrive (2 is in a hole), 3 again (a resend), and one frame for a vehicle that is not this one.
        await link.IngestAsync([Vitals(unit, caseId, 1), Vitals(unit, caseId, 3), Vitals(unit, caseId, 3), Vitals("someone-else", caseId, 4)], 1_800_000_004_000_000);

        Assert.Equal(2, Sum("emergencylink.telemetry.frames", ("kind", "vitals"), ("outcome", "ingested")));
        Assert.Equal(1, Sum("emergencylink.telemetry.frames", ("kind", "vitals"), ("outcome", "duplicate")));
        Assert.Equal(1, Sum("emergencylink.telemetry.frames", ("outcome", "rejected")));
        Assert.Equal(1, Sum("emergencylink.telemetry.frames.missing"));
        // Capture → server: 3 s for frame 1, 1 s for frame 3.
        Assert.Equal(4_000, Sum("emergencylink.telemetry.capture_to_server"), precision: 3);

        await link.IngestAsync([Vitals(unit, caseId, 2)], 1_800_000_005_000_000);

        Assert.Equal(1, Sum("emergencylink.telemetry.frames", ("kind", "vitals"), ("outcome", "backfilled")));
        Assert.Equal(0, Sum("emergencylink.telemetry.frames.missing"));
    }

    [Fact]
    public async Task Each_recommendation_is_counted_and_timed()
    {
        await grains.GetGrain<IDispatchGrain>(GrainKeys.Region).RecommendAsync(new GeoPoint(44.01, -38.02), 1, 3, explain: false);
        await grains.GetGrain<IDispatchGrain>(GrainKeys.Region).RecommendAsync(new GeoPoint(44.01, -38.02), 1, 3, explain: true);

        Assert.Equal(2, Sum("emergencylink.dispatch.recommendations"));
        Assert.Equal(1, Sum("emergencylink.dispatch.recommendations", ("explained", true)));
        Assert.Equal(2, measured.Count(m => m.Instrument == "emergencylink.dispatch.recommendation.duration"));
    }
}
