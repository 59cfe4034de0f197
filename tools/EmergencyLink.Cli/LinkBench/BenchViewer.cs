using System.Collections.Concurrent;
using EmergencyLink.Contracts.Telemetry;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyLink.Cli.LinkBench;

/// <summary>
/// One ED screen that opened one case: keeps each frame once by (channel, sequence) and, per frame, the latency from
/// capture (gateway clock) and from the server's receipt (server clock) to its arrival here. On one machine the
/// clocks are the same clock.
/// </summary>
public sealed class BenchViewer(HubConnection connection, string caseId) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string, long), byte> held = new();
    private readonly ConcurrentQueue<(string Channel, double CaptureToViewerMs, double ServerToViewerMs, double CaptureToServerMs)> samples = new();
    private long repeated;
    private volatile bool measuring;

    public long Repeated => Interlocked.Read(ref repeated);

    /// <summary>False once the screen's connection closed (it does not reconnect: what it missed then counts as lost).</summary>
    public bool Connected => connection.State == HubConnectionState.Connected;

    public IEnumerable<(string Channel, double CaptureToViewerMs, double ServerToViewerMs, double CaptureToServerMs)> Samples => samples;

    /// <summary>
    /// A patient screen: it opens one case and, unless <paramref name="board"/>, leaves its hospital's board feed (the
    /// vitals of every other inbound case), which a bay monitor showing one patient does not display.
    /// </summary>
    public static async Task<BenchViewer> OpenAsync(Uri server, string token, string caseId, string? hospitalId = null, bool board = true)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hubs/hospital"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .AddMessagePackProtocol()
            .Build();
        var viewer = new BenchViewer(connection, caseId);
        connection.On<TelemetryDelivery>("Telemetry", viewer.Take);
        await connection.StartAsync();
        if (!board && hospitalId is not null)
        {
            await connection.InvokeAsync("Unsubscribe", hospitalId);
        }

        viewer.Take(await connection.InvokeAsync<TelemetryDelivery>("WatchCase", caseId));
        return viewer;
    }

    /// <summary>Latencies are kept only from here on, after the warm-up.</summary>
    public void StartMeasuring() => measuring = true;

    public long Count(string channel) => held.Keys.Count(k => k.Item1 == channel);

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private void Take(TelemetryDelivery delivery)
    {
        var now = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks / 10;
        foreach (var frame in delivery.Frames)
        {
            // The hospital's board feed brings every inbound case's vitals; this screen keeps its own case's.
            if (frame.CaseId != caseId)
            {
                continue;
            }

            if (!held.TryAdd((frame.Channel, frame.Sequence), 0))
            {
                Interlocked.Increment(ref repeated);
                continue;
            }

            if (measuring && !delivery.Replay)
            {
                samples.Enqueue((frame.Channel, (now - frame.CapturedAtMicros) / 1000.0, (now - delivery.ServerReceivedMicros) / 1000.0,
                    (delivery.ServerReceivedMicros - frame.CapturedAtMicros) / 1000.0));
            }
        }
    }
}
