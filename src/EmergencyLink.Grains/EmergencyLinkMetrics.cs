using System.Diagnostics;
using System.Diagnostics.Metrics;
using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Grains;

/// <summary>
/// The figures an operator watches beside Orleans' own: what the vehicle link takes in and what it is still missing,
/// how late frames arrive, which alerts are raised, how often and how fast dispatch recommends. Meter
/// <see cref="MeterName"/>, exported over OTLP when configured. No vehicle, case or hospital id is ever a tag: a
/// province has thousands of each, and a metric per id would swamp any back end.
/// </summary>
public sealed class EmergencyLinkMetrics
{
    public const string MeterName = "EmergencyLink";

    /// <summary>The spans our own code opens (a recommendation, an ingest); ASP.NET Core and Orleans add theirs.</summary>
    public static readonly ActivitySource Activities = new(MeterName);

    private readonly Counter<long> frames;
    private readonly UpDownCounter<long> missing;
    private readonly Histogram<double> captureToServer;
    private readonly Histogram<double> ingestDuration;
    private readonly Counter<long> alerts;
    private readonly Counter<long> recommendations;
    private readonly Histogram<double> recommendationDuration;
    private readonly Counter<long> transitions;
    private readonly Counter<long> fanout;

    public EmergencyLinkMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        frames = meter.CreateCounter<long>("emergencylink.telemetry.frames", "{frame}",
            "Telemetry frames received from vehicles, by kind and outcome (ingested, backfilled, duplicate, rejected).");
        missing = meter.CreateUpDownCounter<long>("emergencylink.telemetry.frames.missing", "{frame}",
            "Frames the server knows exist (a later sequence arrived) and does not hold yet: still in a gateway's outbox, or lost.");
        captureToServer = meter.CreateHistogram<double>("emergencylink.telemetry.capture_to_server", "ms",
            "From capture in the ambulance to receipt by the server, for live (not backfilled) frames.");
        ingestDuration = meter.CreateHistogram<double>("emergencylink.telemetry.ingest.duration", "ms",
            "Server time to check, push, archive and acknowledge one upload.");
        alerts = meter.CreateCounter<long>("emergencylink.alerts.raised", "{alert}", "Clinical alerts raised on cases, by kind.");
        recommendations = meter.CreateCounter<long>("emergencylink.dispatch.recommendations", "{recommendation}",
            "Unit recommendations served to dispatchers.");
        recommendationDuration = meter.CreateHistogram<double>("emergencylink.dispatch.recommendation.duration", "ms",
            "Time to rank the units for one incident by road travel time.");
        transitions = meter.CreateCounter<long>("emergencylink.cases.transitions", "{transition}", "Case state changes, by trigger.");
        fanout = meter.CreateCounter<long>("emergencylink.live.fanout.changes", "{change}",
            "Live changes between server nodes, by outcome: forwarded, dropped on sending (the other node is slow or gone), dropped on receipt (this node cannot keep up). A viewer on the dropping node misses them until it catches up.");
    }

    public void Frame(TelemetryKind kind, string outcome) =>
        frames.Add(1, new KeyValuePair<string, object?>("kind", KindName(kind)), new KeyValuePair<string, object?>("outcome", outcome));

    public void Rejected(int count)
    {
        if (count > 0)
        {
            frames.Add(count, new KeyValuePair<string, object?>("kind", "unknown"), new KeyValuePair<string, object?>("outcome", "rejected"));
        }
    }

    public void MissingChanged(long delta)
    {
        if (delta != 0)
        {
            missing.Add(delta);
        }
    }

    public void CaptureToServer(TelemetryKind kind, double milliseconds) =>
        captureToServer.Record(milliseconds, new KeyValuePair<string, object?>("kind", KindName(kind)));

    public void Ingested(TimeSpan took) => ingestDuration.Record(took.TotalMilliseconds);

    public void AlertRaised(string kind) => alerts.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Recommended(TimeSpan took, bool explained)
    {
        var tag = new KeyValuePair<string, object?>("explained", explained);
        recommendations.Add(1, tag);
        recommendationDuration.Record(took.TotalMilliseconds, tag);
    }

    public void Transition(string trigger) => transitions.Add(1, new KeyValuePair<string, object?>("trigger", trigger));

    public void FanoutChanges(string outcome, int count) => fanout.Add(count, new KeyValuePair<string, object?>("outcome", outcome));

    private static string KindName(TelemetryKind kind) => kind switch
    {
        TelemetryKind.Vitals => "vitals",
        TelemetryKind.Ecg => "ecg",
        TelemetryKind.Video => "video",
        _ => "other",
    };
}
