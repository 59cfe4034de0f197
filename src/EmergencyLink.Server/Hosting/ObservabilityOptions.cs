namespace EmergencyLink.Server.Hosting;

/// <summary>Bound from "Observability".</summary>
public sealed class ObservabilityOptions
{
    public const string Section = "Observability";

    /// <summary>The OpenTelemetry service name every node reports under.</summary>
    public string ServiceName { get; set; } = "emergencylink";

    /// <summary>
    /// The collector's base address (e.g. http://collector:4318 for OTLP over HTTP, :4317 for gRPC). Empty: the standard
    /// OTEL_EXPORTER_OTLP_ENDPOINT variable if set, else no OpenTelemetry at all (no listener costs the hot path anything).
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>"http/protobuf" or "grpc".</summary>
    public string OtlpProtocol { get; set; } = "http/protobuf";

    /// <summary>
    /// The share of traces kept (parent-based). Every vehicle upload is a grain call, 25 a second per ambulance; at a
    /// province's scale a trace of each would cost more than the work it traces.
    /// </summary>
    public double TraceSampleRatio { get; set; } = 0.1;

    /// <summary>
    /// The Orleans Dashboard, for admins signed in on the consoles. Off unless configured (Development turns it on):
    /// its profiler wraps every grain call, which cost 0.15 of a core at 2,600 frames/s (+31 % server CPU, measured side
    /// by side on 2026-12-07, docs/benchmarks.md), so a node that carries the province's telemetry runs without it.
    /// </summary>
    public bool Dashboard { get; set; }

    public string DashboardPath { get; set; } = "/dashboard";
}
