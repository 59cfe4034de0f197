using System.Collections.Concurrent;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Security;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyLink.EndToEnd.Tests;

/// <summary>
/// An emergency department's screen as a test sees it: it opens one inbound case (WatchCase) and keeps each frame once by
/// (channel, sequence), as the ED board does; when the connection comes back (a server restart) it opens the case
/// again and asks the archive for everything after what it holds. It counts what it discarded, so a test can say how often the
/// transport delivered twice.
/// </summary>
public sealed class EdViewer : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly string caseId;
    private readonly ConcurrentDictionary<(string Channel, long Sequence), TelemetryFrame> frames = new();
    private readonly ConcurrentQueue<(TelemetryFrame Frame, long ReceivedMicros, long ServerReceivedMicros, bool Replay)> arrivals = new();
    private long discarded;

    private EdViewer(ServerProcess server, string hospitalId, string caseId)
    {
        this.caseId = caseId;
        var token = server.Token(Roles.Ed, hospital: hospitalId);
        connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/hospital"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .AddMessagePackProtocol()
            .WithAutomaticReconnect(new ForeverRetry())
            .Build();
        connection.On<TelemetryDelivery>("Telemetry", Take);
        connection.Reconnected += async _ =>
        {
            await connection.InvokeAsync<TelemetryDelivery>("WatchCase", caseId);
            await CatchUpAsync();
        };
    }

    public long Discarded => Interlocked.Read(ref discarded);

    public int Count => frames.Count;

    public IReadOnlyCollection<(TelemetryFrame Frame, long ReceivedMicros, long ServerReceivedMicros, bool Replay)> Arrivals => arrivals;

    public static async Task<EdViewer> ConnectAsync(ServerProcess server, string hospitalId, string caseId)
    {
        var viewer = new EdViewer(server, hospitalId, caseId);
        await viewer.connection.StartAsync();
        viewer.Take(await viewer.connection.InvokeAsync<TelemetryDelivery>("WatchCase", caseId));
        return viewer;
    }

    /// <summary>The sequences held for a channel, in order.</summary>
    public long[] Sequences(string channel) => frames.Keys.Where(k => k.Channel == channel).Select(k => k.Sequence).Order().ToArray();

    public async Task<bool> WaitForAsync(string channel, long count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (frames.Keys.Count(k => k.Channel == channel) >= count)
            {
                return true;
            }

            // A frame pushed while this screen was rejoining after a restart, and archived only after its catch-up
            // read, reaches it by neither path; a screen with a hole asks the archive again, as the ED board does.
            await Task.Delay(250);
            if (connection.State == HubConnectionState.Connected)
            {
                await CatchUpAsync();
            }
        }

        return false;
    }

    /// <summary>Asks for everything after the highest sequence held contiguously per channel.</summary>
    public async Task CatchUpAsync()
    {
        var after = frames.Keys.GroupBy(k => k.Channel).ToDictionary(g => g.Key, g => Contiguous(g.Select(k => k.Sequence)));
        foreach (var channel in new[] { VehicleLinkProtocol.VitalsChannel, VehicleLinkProtocol.EcgChannel })
        {
            after.TryAdd(channel, 0);
        }

        Take(await connection.InvokeAsync<TelemetryDelivery>("Replay", caseId, new { After = after, LastSeconds = (double?)null }));
    }

    /// <summary>
    /// What this screen saw, per channel, as the body of <c>POST /api/incidents/{id}/telemetry/screens</c>: every frame
    /// it holds, however it came (a frame pushed while the screen rejoined after a restart comes by the catch-up read),
    /// and the latency of the live deliveries only, since a replayed frame's age says nothing about the live path.
    /// </summary>
    public object Report(string screen) => new
    {
        screen,
        channels = arrivals.GroupBy(a => a.Frame.Channel).Select(g =>
        {
            var timed = g.Any(a => !a.Replay) ? g.Where(a => !a.Replay).ToArray() : g.ToArray();
            var toScreen = timed.Select(a => (a.ReceivedMicros - a.Frame.CapturedAtMicros) / 1000.0).Order().ToArray();
            var fromServer = timed.Select(a => (a.ReceivedMicros - a.ServerReceivedMicros) / 1000.0).Order().ToArray();
            return new
            {
                channel = g.Key,
                frames = (long)g.Count(),
                captureToScreenP50Ms = Math.Max(0, toScreen[toScreen.Length / 2]),
                captureToScreenP99Ms = Math.Max(0, toScreen[(int)(toScreen.Length * 0.99)]),
                serverToScreenP50Ms = Math.Max(0, fromServer[fromServer.Length / 2]),
                serverToScreenP99Ms = Math.Max(0, fromServer[(int)(fromServer.Length * 0.99)]),
            };
        }).ToArray(),
    };

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();

    private void Take(TelemetryDelivery delivery)
    {
        var now = (long)(DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalMicroseconds;
        foreach (var frame in delivery.Frames.Where(f => f.CaseId == caseId))
        {
            if (frames.TryAdd((frame.Channel, frame.Sequence), frame))
            {
                arrivals.Enqueue((frame, now, delivery.ServerReceivedMicros, delivery.Replay));
            }
            else
            {
                Interlocked.Increment(ref discarded);
            }
        }
    }

    private static long Contiguous(IEnumerable<long> sequences)
    {
        var held = sequences.Order().ToArray();
        var first = held.Length > 0 ? held[0] - 1 : 0;
        var through = first;
        foreach (var s in held)
        {
            if (s != through + 1)
            {
                break;
            }

            through = s;
        }

        return through;
    }

    private sealed class ForeverRetry : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) => TimeSpan.FromMilliseconds(Math.Min(1000, 100 * (retryContext.PreviousRetryCount + 1)));
    }
}
