using EmergencyLink.Domain.Telemetry;
using EmergencyLink.VehicleLink;

namespace EmergencyLink.Cli.LinkBench;

/// <summary>The real gateway: durable outbox, acknowledgements, reconnection.</summary>
public sealed class GatewaySink(VehicleGateway gateway) : IFrameSink
{
    public bool Connected => gateway.State == LinkState.Connected;

    public long Queued => gateway.Counters.FramesQueued;

    public long Thinned => gateway.Counters.FramesThinned;

    public Task StartAsync() => gateway.StartAsync();

    public Task<long> EnqueueAsync(string caseId, string channel, TelemetryKind kind, long capturedAtMicros, byte[] payload) =>
        gateway.EnqueueAsync(caseId, channel, kind, capturedAtMicros, payload);

    public ValueTask DisposeAsync() => gateway.DisposeAsync();
}
