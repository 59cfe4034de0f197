using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Telemetry;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EmergencyLink.VehicleLink;

/// <summary>
/// The ambulance side of the 5G vehicle link. Every frame is committed to a durable SQLite outbox before it can be
/// sent, and leaves it only when the server's <see cref="UploadAck"/> covers or rejects it (or, for stale non-key
/// video, when it is thinned); so a lost link, a crash or a power cut costs nothing that was enqueued: the outbox is
/// resent, and the server's idempotence on (vehicle, channel, sequence) absorbs the duplicates.
/// </summary>
public sealed class VehicleGateway : IAsyncDisposable
{
    private readonly VehicleGatewayOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly OutboxIndex index;
    private readonly AsyncSignal wake = new();
    private readonly AsyncPulse changed = new();
    private readonly CancellationTokenSource stopping = new();

    // Taken once: the source is disposed with the gateway, and a late retry timer may still ask for the token.
    private readonly CancellationToken stopToken;
    private readonly Lock lifecycle = new();
    private OutboxStore? store;
    private OutboxWriter? writer;
    private HubConnection? connection;
    private Task supervisor = Task.CompletedTask;
    private Task sender = Task.CompletedTask;
    private Task? stopTask;
    private TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int state = (int)LinkState.Stopped;
    private int inFlight;
    private int failures;
    private long nextBatch;

    public VehicleGateway(VehicleGatewayOptions options, TimeProvider? timeProvider = null, ILogger<VehicleGateway>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
        time = timeProvider ?? TimeProvider.System;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        index = new OutboxIndex(options);
        stopToken = stopping.Token;
    }

    public LinkState State => (LinkState)Volatile.Read(ref state);

    /// <summary>A consistent snapshot; safe to read from any thread.</summary>
    public GatewayCounters Counters => index.Snapshot(State);

    /// <summary>Outbox transactions committed so far (for tests of group commit).</summary>
    internal long OutboxCommits => writer?.Commits ?? 0;

    /// <summary>
    /// Opens the outbox (resuming whatever an earlier process left unacknowledged) and starts connecting in the
    /// background. Returns once the outbox is open: the link may be down for minutes, and frames must be enqueueable
    /// meanwhile. A gateway starts once.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (lifecycle)
        {
            if (store is not null || stopTask is not null)
            {
                throw new InvalidOperationException("A gateway starts once.");
            }

            var opened = OutboxStore.Open(options.OutboxPath, options.VehicleId);
            try
            {
                var contents = opened.Load();

                // An inherited frame may or may not have reached the server before the earlier process ended; counting
                // it as a resend is the cautious reading.
                foreach (var entry in contents.Frames)
                {
                    entry.SentBefore = true;
                }

                index.Add(contents.Frames);
                writer = new OutboxWriter(opened, contents.Channels, OnCommitted, changed, logger);
                store = opened;
            }
            catch
            {
                opened.Dispose();
                throw;
            }

            writer.Start();
            index.Thin(NowMicros(), writer.Delete);
            connection = BuildConnection();
            SetState(LinkState.Connecting);
            var hub = connection;
            supervisor = Task.Run(() => SuperviseAsync(hub, stopToken), CancellationToken.None);
            sender = Task.Run(() => SendLoopAsync(hub, stopToken), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Assigns the next sequence of (this vehicle, <paramref name="channel"/>) and commits the frame to the outbox;
    /// completes with the sequence once the commit is durable, and only then may the frame be sent. Sequences start at
    /// 1 per channel and are never reused. A channel keeps the kind of its first frame. Do not change
    /// <paramref name="payload"/> until the task completes.
    /// </summary>
    public Task<long> EnqueueAsync(string caseId, string channel, TelemetryKind kind, long capturedAtMicros, byte[] payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Length > options.MaxFramePayloadBytes)
        {
            // Refused here, not queued: the server would refuse it too, and one too large for an upload message
            // would close the connection on every attempt and hold the outbox up for good.
            throw new ArgumentOutOfRangeException(nameof(payload), payload.Length,
                $"A frame's payload may be at most {options.MaxFramePayloadBytes} bytes.");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown telemetry kind.");
        }

        var outbox = writer ?? throw new InvalidOperationException("Start the gateway before enqueueing.");
        ObjectDisposedException.ThrowIf(Volatile.Read(ref stopTask) is not null, this);
        return outbox.EnqueueAsync(caseId, channel, kind, capturedAtMicros, payload);
    }

    /// <summary>True once the outbox is empty (every frame acknowledged, rejected or thinned, and the deletions committed); false on timeout.</summary>
    public async Task<bool> WaitUntilDrainedAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        while (true)
        {
            var next = changed.Next;
            if (IsDrained())
            {
                return true;
            }

            try
            {
                await next.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return IsDrained();
            }
        }
    }

    /// <summary>
    /// Stops sending and closes the link and the outbox. Enqueues already accepted are committed first; nothing is
    /// drained: what is unacknowledged stays in the outbox for the next start.
    /// </summary>
    public Task StopAsync()
    {
        lock (lifecycle)
        {
            return stopTask ??= StopCoreAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        stopping.Dispose();
    }

    private async Task StopCoreAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        SetState(LinkState.Stopped);
        await supervisor.ConfigureAwait(false);
        await sender.ConfigureAwait(false);
        if (connection is not null)
        {
            // Fails whatever is still on the wire; those frames stay in the outbox.
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        while (true)
        {
            var next = changed.Next;
            if (Volatile.Read(ref inFlight) == 0)
            {
                break;
            }

            await next.ConfigureAwait(false);
        }

        if (writer is not null)
        {
            await writer.CompleteAsync().ConfigureAwait(false);
        }

        store?.Dispose();
    }

    private HubConnection BuildConnection()
    {
        // Appended, not resolved: a base URL with a path (behind a reverse proxy) keeps it.
        var hubUrl = new Uri(options.ServerUrl!.AbsoluteUri.TrimEnd('/') + VehicleLinkProtocol.HubPath);
        var builder = new HubConnectionBuilder()
            .WithUrl(hubUrl, http =>
            {
                if (options.AccessTokenProvider is { } tokens)
                {
                    http.AccessTokenProvider = tokens;
                }
            })
            .AddMessagePackProtocol()
            .WithAutomaticReconnect(new ForeverRetryPolicy(options));
        if (options.FailoverUrls.Count > 0)
        {
            var hubUrls = new[] { options.ServerUrl! }.Concat(options.FailoverUrls)
                .Select(u => new Uri(u.AbsoluteUri.TrimEnd('/') + VehicleLinkProtocol.HubPath)).ToArray();
            // Options of its own without a Url: SignalR's factory refuses an endpoint other than the options' Url.
            var connectionOptions = Options.Create(new HttpConnectionOptions { AccessTokenProvider = options.AccessTokenProvider });
            builder.Services.AddSingleton<IConnectionFactory>(services => new FailoverConnectionFactory(hubUrls,
                new HttpConnectionFactory(connectionOptions, services.GetRequiredService<ILoggerFactory>())));
        }

        var hub = builder.Build();
        hub.ServerTimeout = options.ServerTimeout;
        hub.KeepAliveInterval = options.KeepAliveInterval;
        hub.Reconnecting += OnReconnectingAsync;
        hub.Reconnected += OnReconnectedAsync;
        hub.Closed += OnClosedAsync;
        return hub;
    }

    /// <summary>
    /// Connects, and connects again whenever the connection closes for good. SignalR's automatic reconnect covers a
    /// connection that was up; this loop covers the first connect (which SignalR does not retry) and any close that
    /// automatic reconnect does not take (a server that closes without allowing reconnect), on the same schedule.
    /// </summary>
    private async Task SuperviseAsync(HubConnection hub, CancellationToken cancellationToken)
    {
        var attempt = 0;
        try
        {
            while (true)
            {
                var delay = options.ReconnectDelay(attempt);
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                }

                var closedNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                Volatile.Write(ref closed, closedNow);
                try
                {
                    await hub.StartAsync(cancellationToken).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // Any failure to connect (DNS, TLS, refused, 401 with a stale token) is retried the same way.
                catch (Exception error)
#pragma warning restore CA1031
                {
                    // A stop during the attempt surfaces as whatever the transports make of it, not always as a cancellation.
                    if (cancellationToken.IsCancellationRequested)
                    {
                        return;
                    }

                    attempt++;
                    GatewayLog.ConnectFailed(logger, options.VehicleId, attempt, error);
                    continue;
                }

                attempt = 0;
                OnLinkUp();
                await closedNow.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Fills the in-flight window whenever woken (frames committed, an upload answered, the link up). Uploads are not
    /// awaited here: up to <see cref="VehicleGatewayOptions.MaxInFlightBatches"/> are outstanding, so throughput is not
    /// capped at one batch per round trip. The server takes one connection's invocations in order, so batches also
    /// arrive in the order they were taken.
    /// </summary>
    private async Task SendLoopAsync(HubConnection hub, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await wake.WaitAsync(cancellationToken).ConfigureAwait(false);
                while (State == LinkState.Connected && Volatile.Read(ref inFlight) < options.MaxInFlightBatches)
                {
                    // Video that went stale while it waited for the link is dropped, not sent late.
                    var now = NowMicros();
                    index.Thin(now, writer!.Delete);
                    var batch = index.TakeBatch(++nextBatch, now);
                    if (batch is null)
                    {
                        break;
                    }

                    TelemetryFrame[] frames;
                    try
                    {
                        frames = Materialize(batch);
                    }
#pragma warning disable CA1031 // A failed read leaves the frames in the outbox; try again shortly rather than stop sending.
                    catch (Exception error)
#pragma warning restore CA1031
                    {
                        index.Return(batch);
                        GatewayLog.UploadFailed(logger, options.VehicleId, batch.Entries.Count, error);
                        WakeLater();
                        break;
                    }

                    if (frames.Length == 0)
                    {
                        continue;
                    }

                    Interlocked.Increment(ref inFlight);
                    _ = UploadAsync(hub, batch, frames);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private TelemetryFrame[] Materialize(OutgoingBatch batch)
    {
        var frames = new List<TelemetryFrame>(batch.Entries.Count);
        List<FrameEntry>? missing = null;
        foreach (var entry in batch.Entries)
        {
            if (store!.ReadPayload(entry.Key) is { } payload)
            {
                frames.Add(new TelemetryFrame(options.VehicleId, entry.CaseId, entry.Channel, entry.Kind, entry.Sequence, entry.CapturedAtMicros, payload));
            }
            else
            {
                (missing ??= []).Add(entry);
            }
        }

        if (missing is not null)
        {
            index.Forget(missing);
        }

        return [.. frames];
    }

    private async Task UploadAsync(HubConnection hub, OutgoingBatch batch, TelemetryFrame[] frames)
    {
        var failed = false;
        try
        {
            using var timeout = new CancellationTokenSource(options.UploadTimeout, time);
            var ack = await hub.InvokeAsync<UploadAck>(VehicleLinkProtocol.Upload, frames, timeout.Token).ConfigureAwait(false);
            var refused = index.ApplyAck(batch, ack, time.GetUtcNow(), writer!.Delete);
            if (refused > 0)
            {
                GatewayLog.FramesRejected(logger, options.VehicleId, refused);
            }

            Interlocked.Exchange(ref failures, 0);
        }
#pragma warning disable CA1031 // Lost link, timeout or server error: in every case the frames are still in the outbox and go again.
        catch (Exception error)
#pragma warning restore CA1031
        {
            index.Return(batch);
            failed = true;
            if (!stopToken.IsCancellationRequested)
            {
                GatewayLog.UploadFailed(logger, options.VehicleId, frames.Length, error);
            }
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
            changed.Pulse();
        }

        // After the slot is free: a sender woken earlier would find the window still full and sleep through it.
        if (failed)
        {
            WakeLater();
        }
        else
        {
            wake.Signal();
        }
    }

    /// <summary>After a failure, retry on the reconnect schedule instead of at once, so a server that keeps failing is not hammered.</summary>
    private void WakeLater()
    {
        var delay = options.ReconnectDelay(Math.Max(1, Interlocked.Increment(ref failures)));
        _ = WakeAfterAsync(delay);
    }

    private async Task WakeAfterAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, time, stopToken).ConfigureAwait(false);
            wake.Signal();
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void OnCommitted(IReadOnlyList<FrameEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        index.Add(entries);

        // Thinning at commit, not only at send, keeps a long outage from filling the disk with stale video.
        if (entries.Any(e => e.Kind == TelemetryKind.Video))
        {
            index.Thin(NowMicros(), writer!.Delete);
        }

        wake.Signal();
    }

    private void OnLinkUp()
    {
        if (stopToken.IsCancellationRequested)
        {
            return;
        }

        SetState(LinkState.Connected);
        GatewayLog.Connected(logger, options.VehicleId);
        wake.Signal();
    }

    private void OnLinkDown(Exception? error)
    {
        if (stopToken.IsCancellationRequested)
        {
            return;
        }

        SetState(LinkState.Reconnecting);

        // The server may or may not have what was on the wire; it all goes again on the next connection, and the
        // server's idempotence makes any duplicate harmless. Late answers from the old connection still count: an
        // ack's coverage is true whichever connection carried it.
        index.ReturnAllInFlight();
        GatewayLog.LinkLost(logger, options.VehicleId, error);
    }

    private Task OnReconnectingAsync(Exception? error)
    {
        OnLinkDown(error);
        return Task.CompletedTask;
    }

    private Task OnReconnectedAsync(string? connectionId)
    {
        OnLinkUp();
        return Task.CompletedTask;
    }

    private Task OnClosedAsync(Exception? error)
    {
        OnLinkDown(error);
        Volatile.Read(ref closed).TrySetResult();
        return Task.CompletedTask;
    }

    private bool IsDrained() => index.IsDrained(() => writer?.IsIdle ?? true);

    private void SetState(LinkState value) => Volatile.Write(ref state, (int)value);

    private long NowMicros() => (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond;
}
