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
/// The order holds within one outbox, that is one server process: in a cluster every server has its own, so the
/// versions of one case must be enqueued on one server for the order to hold across them.
/// </summary>
public sealed class EhrPushService : BackgroundService, IEhrPush
{
    private readonly EhrOutbox outbox;
    private readonly EhrOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<EhrPushService> logger;
    private readonly EhrSender sender;
    private readonly Dictionary<string, AsyncSignal> signals = new(StringComparer.Ordinal);

    public EhrPushService(EhrOutbox outbox, IOptions<EhrOptions> options, IHttpClientFactory clients, TimeProvider time, ILogger<EhrPushService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.outbox = outbox;
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

    /// <summary>The hospital's push as operators see it; for a hospital without EHR, whatever the outbox still holds.</summary>
    public EhrStatus GetStatus(string hospitalId)
    {
        var state = outbox.ReadState(hospitalId);
        var target = options.For(hospitalId);
        double? age = state.OldestPendingSince is { } since ? Math.Max(0, (time.GetUtcNow() - since).TotalSeconds) : null;
        return new EhrStatus(hospitalId, target is not null, target?.BaseUrl, target?.Mode, state.Pending, state.OldestPendingSince, age,
            state.HeadAttempts, state.LastDelivered, state.LastError, state.Rejected, state.LastRejected);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var (hospitalId, count) in outbox.PendingByHospital())
        {
            if (!signals.ContainsKey(hospitalId))
            {
                EhrLog.UnconfiguredPending(logger, hospitalId, count);
            }
        }

        return Task.WhenAll(options.Configured.Select(h => Task.Run(() => RunHospitalAsync(h.Key, h.Value, signals[h.Key], stoppingToken), CancellationToken.None)));
    }

    private async Task RunHospitalAsync(string hospitalId, EhrHospitalOptions target, AsyncSignal signal, CancellationToken stoppingToken)
    {
        // Failures of the current head in a row; a new head starts from the initial back-off.
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var head = outbox.PeekHead(hospitalId);
                if (head is null)
                {
                    failures = 0;
                    await signal.WaitAsync(stoppingToken).ConfigureAwait(false);
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

    /// <summary>The back-off, stretched to the receiver's Retry-After if it asked for longer, but never beyond the cap.</summary>
    private TimeSpan Backoff(int failures, TimeSpan? retryAfter)
    {
        var delay = EhrBackoff.Delay(failures, options.InitialBackoff, options.MaxBackoff, Random.Shared.NextDouble());
        return retryAfter is { } after && after > delay ? (after < options.MaxBackoff ? after : options.MaxBackoff) : delay;
    }
}
