using System.Collections.Concurrent;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Telemetry;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyLink.Cli.LinkBench;

/// <summary>
/// A bare uploader: each frame goes out at once on the vehicle hub, with no outbox. It exists so that a fleet
/// benchmark on one machine measures the server rather than a thousand SQLite outboxes in the load generator;
/// loss is still judged at the ED screens, and an upload that is not acknowledged counts as a failure.
/// </summary>
public sealed class UploadSink(HubConnection connection, string vehicleId) : IFrameSink
{
    private readonly ConcurrentDictionary<string, long> sequences = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> pending = new();
    private long failures;

    public bool Connected => connection.State == HubConnectionState.Connected;

    public long Queued => pending.Count;

    public long Failures => Interlocked.Read(ref failures);

    public static UploadSink Create(Uri server, string vehicleId, Func<Task<string?>> token) => new(
        new HubConnectionBuilder()
            .WithUrl(new Uri(server, VehicleLinkProtocol.HubPath), o => o.AccessTokenProvider = token)
            .AddMessagePackProtocol()
            .Build(),
        vehicleId);

    public Task StartAsync() => connection.StartAsync();

    public Task<long> EnqueueAsync(string caseId, string channel, TelemetryKind kind, long capturedAtMicros, byte[] payload)
    {
        var sequence = sequences.AddOrUpdate(channel, 1, (_, s) => s + 1);
        var upload = UploadAsync(new TelemetryFrame(vehicleId, caseId, channel, kind, sequence, capturedAtMicros, payload));
        pending[upload] = 0;
        _ = upload.ContinueWith(t => pending.TryRemove(t, out _), TaskScheduler.Default);
        return Task.FromResult(sequence);
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private async Task UploadAsync(TelemetryFrame frame)
    {
        try
        {
            var ack = await connection.InvokeAsync<UploadAck>(VehicleLinkProtocol.Upload, new[] { frame });
            if (ack.Rejected.Count > 0 || ack.Channels.Count == 0)
            {
                Interlocked.Increment(ref failures);
            }
        }
        catch (Exception e) when (e is Microsoft.AspNetCore.SignalR.HubException or InvalidOperationException or IOException)
        {
            Interlocked.Increment(ref failures);
        }
    }
}
