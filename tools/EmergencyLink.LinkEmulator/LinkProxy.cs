using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace EmergencyLink.LinkEmulator;

/// <summary>
/// A TCP proxy that makes a loopback hop look like a cellular link to a reliable transport: delay, a capped rate, loss as
/// retransmission stalls, and coverage holes that refuse new connections and stall or reset the open ones.
/// </summary>
public sealed class LinkProxy : IAsyncDisposable
{
    private readonly IPEndPoint upstream;
    private readonly TimeProvider time;
    private readonly long epoch;
    private readonly Random outageRandom;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<LinkConnection, byte> connections = new();
    private readonly Lock gate = new();
    private IPEndPoint listen;
    private Socket? listener;
    private TaskCompletionSource? holeEnded;
    private TimeSpan holeEnd;
    private Task acceptLoop = Task.CompletedTask;
    private Task outageLoop = Task.CompletedTask;

    public LinkProxy(LinkOptions options, IPEndPoint listen, IPEndPoint upstream, TimeProvider? time = null)
    {
        options.Validate();
        Options = options;
        this.listen = listen;
        this.upstream = upstream;
        this.time = time ?? TimeProvider.System;
        epoch = this.time.GetTimestamp();
        Uplink = new LinkDirection(options, new Random(options.Seed), Counters, uplink: true);
        Downlink = new LinkDirection(options, new Random(options.Seed + 1), Counters, uplink: false);
        outageRandom = new Random(options.Seed + 2);
    }

    public LinkOptions Options { get; }

    public LinkCounters Counters { get; } = new();

    /// <summary>Client to server: for the ambulance gateway, the radio uplink.</summary>
    public LinkDirection Uplink { get; }

    public LinkDirection Downlink { get; }

    /// <summary>Where clients connect; after <see cref="Start"/>, port 0 has become the real port.</summary>
    public IPEndPoint ListenEndPoint => listen;

    public bool InOutage => Volatile.Read(ref holeEnded) is not null;

    public TimeSpan Now => time.GetElapsedTime(epoch);

    public void Start()
    {
        lock (gate)
        {
            listener = Listen();
        }

        acceptLoop = AcceptLoopAsync(stopping.Token);
        if (Options.OutageEvery is { } every)
        {
            outageLoop = ScheduleOutagesAsync(every, stopping.Token);
        }
    }

    /// <summary>Opens a coverage hole now; one that overlaps a hole in progress extends it.</summary>
    public void BeginOutage(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        lock (gate)
        {
            var end = Now + duration;
            if (holeEnded is not null)
            {
                holeEnd = end > holeEnd ? end : holeEnd;
                return;
            }

            holeEnd = end;
            holeEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            // Closing the listening socket is what makes a connect fail with "refused" rather than hang in the backlog.
            listener?.Dispose();
            listener = null;
        }

        Counters.AddOutage();
        _ = RunHoleAsync(stopping.Token);
    }

    /// <summary>Completes at once with coverage, otherwise when the hole ends.</summary>
    public ValueTask WaitForCoverageAsync(CancellationToken ct) =>
        Volatile.Read(ref holeEnded) is { } hole ? new ValueTask(hole.Task.WaitAsync(ct)) : ValueTask.CompletedTask;

    /// <summary>Never wakes early: timers round to whole milliseconds and can fire a fraction before their due time.</summary>
    public async ValueTask DelayUntilAsync(TimeSpan due, CancellationToken ct)
    {
        for (var wait = due - Now; wait > TimeSpan.Zero; wait = due - Now)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), time, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        lock (gate)
        {
            listener?.Dispose();
            listener = null;
            holeEnded?.TrySetCanceled();
        }

        foreach (var connection in connections.Keys)
        {
            connection.Reset();
        }

        await acceptLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await outageLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stopping.Dispose();
    }

    private Socket Listen()
    {
        var socket = new Socket(listen.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // Connections accepted before a hole still hold the port; reuse lets the listener come back beside them.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(listen);
            socket.Listen(512);
            listen = (IPEndPoint)socket.LocalEndPoint!;
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task AcceptLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Socket? current;
            lock (gate)
            {
                current = listener;
            }

            if (current is null)
            {
                await WaitForCoverageAsync(ct);
                continue;
            }

            try
            {
                _ = ServeAsync(await current.AcceptAsync(ct), ct);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException && !ct.IsCancellationRequested)
            {
                // A hole closed the listener under the pending accept.
            }
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken ct)
    {
        if (InOutage)
        {
            // Accepted in the instant before the hole closed the listener.
            Counters.AddRefused();
            LinkConnection.Abort(client);
            return;
        }

        var server = new Socket(upstream.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        try
        {
            await server.ConnectAsync(upstream, ct);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            Counters.AddRefused();
            LinkConnection.Abort(client);
            server.Dispose();
            return;
        }

        using var connection = new LinkConnection(this, client, server, ct);
        connections.TryAdd(connection, 0);
        Counters.Opened();
        try
        {
            await connection.RunAsync();
        }
        finally
        {
            connections.TryRemove(connection, out _);
            Counters.Closed();
        }
    }

    private async Task RunHoleAsync(CancellationToken ct)
    {
        try
        {
            var resetAt = Options.OutageMode == OutageMode.Reset ? Now + Options.ResetAfter : TimeSpan.MaxValue;
            while (true)
            {
                var end = HoleEnd();
                if (Now >= resetAt && Now < end)
                {
                    resetAt = TimeSpan.MaxValue;
                    foreach (var connection in connections.Keys)
                    {
                        Counters.AddReset();
                        connection.Reset();
                    }
                }

                if (Now < end)
                {
                    await DelayUntilAsync(end < resetAt ? end : resetAt, ct);
                    continue;
                }

                lock (gate)
                {
                    if (Now < holeEnd)
                    {
                        continue;
                    }

                    if (TryListen())
                    {
                        holeEnded!.TrySetResult();
                        holeEnded = null;
                        return;
                    }
                }

                await DelayUntilAsync(Now + TimeSpan.FromMilliseconds(100), ct);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed during the hole.
        }
    }

    private bool TryListen()
    {
        try
        {
            listener = Listen();
            return true;
        }
        catch (SocketException)
        {
            // Someone took the port while it was closed; retry until it is free again.
            return false;
        }
    }

    private TimeSpan HoleEnd()
    {
        lock (gate)
        {
            return holeEnd;
        }
    }

    private async Task ScheduleOutagesAsync(TimeSpan every, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await DelayUntilAsync(Now + every * (0.5 + outageRandom.NextDouble()), ct);
                BeginOutage(Options.OutageMin + (Options.OutageMax - Options.OutageMin) * outageRandom.NextDouble());
                await WaitForCoverageAsync(ct);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }
}
