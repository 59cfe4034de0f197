using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmergencyLink.Ehr;

/// <summary>
/// Delivers the outbox's documents, one sender per configured hospital. A hospital's documents go strictly in the
/// order they were queued, one at a time: its queue head blocks everything behind it until the receiver has
/// acknowledged it (2xx) or refused it for good (a 4xx about the document, set aside), so the receiver never sees
/// version 3 of a case before version 2. Hospitals do not wait for each other. Failures are retried with
/// exponential back-off and jitter, without end: a document is only ever trimmed on acknowledgement or rejection.
/// Delivery is at least once: a response lost after the receiver stored the document means it is sent again, with
/// the same <c>X-Request-Id</c> (hospital/case/version) and <c>If-None-Exist</c>, for the receiver to de-duplicate.
/// A hospital's queue is worked only while the <see cref="IEhrSenderElection"/> says this process is its sender:
/// always on a single server, by turns in a cluster sharing a PostgreSQL outbox, where any node's enqueue joins the
/// one queue and the order holds across nodes.
/// </summary>
public sealed class EhrPushService : BackgroundService, IEhrPush
{
    private readonly IEhrOutbox outbox;
    private readonly IEhrSenderElection election;
    private readonly EhrOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<EhrPushService> logger;
    private readonly EhrSender sender;
    private readonly Dictionary<string, AsyncSignal> signals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> sending = new(StringComparer.Ordinal);

    public EhrPushService(
        IEhrOutbox outbox, IEhrSenderElection election, IOptions<EhrOptions> options, IHttpClientFactory clients, TimeProvider time,
        ILogger<EhrPushService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.outbox = outbox;
        this.election = election;
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
        var errors = this.options.Validate();
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(EhrOptions.Section, typeof(EhrOptions), errors);
        }

        sender = new EhrSender(clients, this.options, time);
        foreach (var (id, _) in this.options.Configured)
        {
            signals[id] = new AsyncSignal();
        }
    }

    public async Task<bool> EnqueueAsync(EhrDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var target = options.For(document.HospitalId);
        if (target is null)
        {
            return false;
        }

        if (string.IsNullOrWhiteSpace(document.CaseId) || document.Version < 1 || document.Reason is null || string.IsNullOrWhiteSpace(document.BundleJson))
        {
            throw new ArgumentException("A document needs a case id, a version of 1 or more, a reason and the Bundle's text.", nameof(document));
        }

        BundleText.EnsureBundle(document.BundleJson);
        if (target.Mode == EhrMode.Transaction)
        {
            // Refused here, where the producer hears of it, rather than set aside at send time.
            EhrTransaction.Read(document.BundleJson);
        }

        cancellationToken.ThrowIfCancellationRequested();

        // Not cancellable once handed to the writer: the caller either hears it is queued or that it failed.
        var outcome = await outbox.EnqueueAsync(document, time.GetUtcNow()).ConfigureAwait(false);
        switch (outcome)
        {
            case EhrEnqueueOutcome.Queued:
                signals[document.HospitalId].Signal();
                return true;
            case EhrEnqueueOutcome.Duplicate:
                return true;
            default:
                EhrLog.Stale(logger, document);
                return false;
        }
    }

    /// <summary>
    /// The hospital's push as operators see it, the same on every node of a cluster (it is read from the shared
    /// outbox); for a hospital without EHR, whatever the outbox still holds.
    /// </summary>
    public async Task<EhrStatus> GetStatusAsync(string hospitalId, CancellationToken cancellationToken)
    {
        var state = await outbox.ReadStateAsync(hospitalId, cancellationToken).ConfigureAwait(false);
        var target = options.For(hospitalId);
        double? age = state.OldestPendingSince is { } since ? Math.Max(0, (time.GetUtcNow() - since).TotalSeconds) : null;
        return new EhrStatus(hospitalId, target is not null, target?.BaseUrl, target?.Mode, state.Pending, state.OldestPendingSince, age,
            state.HeadAttempts, state.LastDelivered, state.LastError, state.Rejected, state.LastRejected);
    }

    /// <summary>Whether this process is the hospital's sender now.</summary>
    internal bool IsSenderFor(string hospitalId) => sending.TryGetValue(hospitalId, out var held) && held;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var (hospitalId, count) in await outbox.PendingByHospitalAsync(stoppingToken).ConfigureAwait(false))
            {
                if (!signals.ContainsKey(hospitalId))
                {
                    EhrLog.UnconfiguredPending(logger, hospitalId, count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // Only a warning for operators: delivery must start even if the outbox cannot be read yet.
        catch (Exception e)
#pragma warning restore CA1031
        {
            EhrLog.PendingScanFailed(logger, e);
        }

        // Listening before any sender runs: a sender never waits for a wake-up that came before it listened.
        await election.StartAsync(hospitalId => (signals.GetValueOrDefault(hospitalId))?.Signal(), stoppingToken).ConfigureAwait(false);
        await Task.WhenAll(options.Configured.Select(h => Task.Run(() => RunHospitalAsync(h.Key, h.Value, signals[h.Key], stoppingToken), CancellationToken.None)))
            .ConfigureAwait(false);
    }

    private async Task RunHospitalAsync(string hospitalId, EhrHospitalOptions target, AsyncSignal signal, CancellationToken stoppingToken)
    {
        // Failures of the current head in a row; a new head starts from the initial back-off.
        var failures = 0;
        IEhrSenderClaim? claim = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (claim is null)
                    {
                        claim = await election.TryClaimAsync(hospitalId, stoppingToken).ConfigureAwait(false);
                        if (claim is null)
                        {
                            await Task.Delay(election.PollInterval, time, stoppingToken).ConfigureAwait(false);
                            continue;
                        }

                        sending[hospitalId] = true;
                        EhrLog.SenderClaimed(logger, hospitalId);
                        failures = 0;
                    }
                    else if (!await claim.StillHeldAsync(stoppingToken).ConfigureAwait(false))
                    {
                        claim = null;
                        sending[hospitalId] = false;
                        EhrLog.SenderLost(logger, hospitalId);
                        continue;
                    }

                    var head = await outbox.PeekHeadAsync(hospitalId, stoppingToken).ConfigureAwait(false);
                    if (head is null)
                    {
                        failures = 0;
                        await WaitForDocumentsAsync(signal, stoppingToken).ConfigureAwait(false);
                        continue;
                    }

                    var result = await sender.SendAsync(target, head, stoppingToken).ConfigureAwait(false);
                    switch (result.Outcome)
                    {
                        case EhrSendOutcome.Delivered:
                            await outbox.MarkDeliveredAsync(head, time.GetUtcNow()).ConfigureAwait(false);
                            EhrLog.Delivered(logger, head);
                            failures = 0;
                            break;
                        case EhrSendOutcome.Rejected:
                            // Status 0: refused here, before sending (the document cannot be put in the configured form).
                            await outbox.RejectAsync(head, result.StatusCode ?? 0, result.Detail, time.GetUtcNow()).ConfigureAwait(false);
                            EhrLog.Rejected(logger, head, result.StatusCode ?? 0, result.Detail);
                            failures = 0;
                            break;
                        default:
                            failures++;
                            EhrLog.AttemptFailed(logger, head, head.Attempts + 1, result.Detail);
                            await outbox.RecordFailureAsync(head, result.Detail, time.GetUtcNow()).ConfigureAwait(false);
                            await Task.Delay(Backoff(failures, result.RetryAfter), time, stoppingToken).ConfigureAwait(false);
                            break;
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    // Stopping: whatever was in flight stays in the outbox and goes again after the restart.
                    return;
                }
#pragma warning disable CA1031 // An outbox or sender fault must not end the hospital's delivery (nor stop the host): back off and go on.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    EhrLog.SenderFailed(logger, hospitalId, e);
                    failures++;
                    try
                    {
                        await Task.Delay(Backoff(failures, null), time, stoppingToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }
        }
        finally
        {
            sending[hospitalId] = false;
            if (claim is not null)
            {
                // Handing over at once rather than when the session ends: another node takes the hospital at its next try.
                await claim.ReleaseAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Until a document is queued for the hospital, or, where other processes queue too, one poll interval.</summary>
    private async Task WaitForDocumentsAsync(AsyncSignal signal, CancellationToken stoppingToken)
    {
        if (election.PollInterval == Timeout.InfiniteTimeSpan)
        {
            await signal.WaitAsync(stoppingToken).ConfigureAwait(false);
            return;
        }

        using var poll = new CancellationTokenSource(election.PollInterval, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, poll.Token);
        try
        {
            await signal.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The poll: look at the queue even without a wake-up.
        }
    }

    /// <summary>The back-off, stretched to the receiver's Retry-After if it asked for longer, but never beyond the cap.</summary>
    private TimeSpan Backoff(int failures, TimeSpan? retryAfter)
    {
        var delay = EhrBackoff.Delay(failures, options.InitialBackoff, options.MaxBackoff, Random.Shared.NextDouble());
        return retryAfter is { } after && after > delay ? (after < options.MaxBackoff ? after : options.MaxBackoff) : delay;
    }
}
