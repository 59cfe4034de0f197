namespace EmergencyLink.Ehr.Tests;

/// <summary>
/// What every outbox must do, run against each (the SQLite file; PostgreSQL where the package is installed): the
/// push service relies on both keeping the same queue, de-duplication and status semantics.
/// </summary>
public abstract class EhrOutboxContract
{
    protected static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    /// <summary>An outbox on this test's storage; every call opens the same storage (a restart, or another node).</summary>
    protected abstract IEhrOutbox Open();

    [SkippableFact]
    public async Task Concurrent_enqueues_each_return_once_stored_and_are_all_pending()
    {
        await using var outbox = Open();

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 200).Select(i => outbox.EnqueueAsync(Bundles.For("H1", $"INC-{i}", 1), Now)));

        Assert.All(outcomes, o => Assert.Equal(EhrEnqueueOutcome.Queued, o));
        Assert.Equal(200, (await outbox.ReadStateAsync("H1", CancellationToken.None)).Pending);
    }

    [SkippableFact]
    public async Task A_repeated_version_is_a_duplicate_and_an_older_one_after_a_newer_one_is_stale_even_once_delivered()
    {
        await using var outbox = Open();

        Assert.Equal(EhrEnqueueOutcome.Queued, await outbox.EnqueueAsync(Bundles.For("H1", "INC-1", 2), Now));
        Assert.Equal(EhrEnqueueOutcome.Duplicate, await outbox.EnqueueAsync(Bundles.For("H1", "INC-1", 2), Now));
        Assert.Equal(EhrEnqueueOutcome.Stale, await outbox.EnqueueAsync(Bundles.For("H1", "INC-1", 1), Now));
        Assert.Equal(EhrEnqueueOutcome.Queued, await outbox.EnqueueAsync(Bundles.For("H2", "INC-1", 1), Now));
        await outbox.MarkDeliveredAsync((await outbox.PeekHeadAsync("H1", CancellationToken.None))!, Now);

        Assert.Equal(EhrEnqueueOutcome.Duplicate, await outbox.EnqueueAsync(Bundles.For("H1", "INC-1", 2), Now));
        Assert.Equal(EhrEnqueueOutcome.Queued, await outbox.EnqueueAsync(Bundles.For("H1", "INC-1", 3), Now));
        Assert.Equal(1, (await outbox.ReadStateAsync("H1", CancellationToken.None)).Pending);
    }

    [SkippableFact]
    public async Task The_head_is_the_oldest_document_of_its_hospital_and_moves_on_only_when_delivered_or_rejected()
    {
        await using (var outbox = Open())
        {
            await outbox.EnqueueAsync(Bundles.For("H1", "INC-1", 1), Now);
            await outbox.EnqueueAsync(Bundles.For("H2", "INC-2", 1), Now);
            await outbox.EnqueueAsync(Bundles.For("H1", "INC-1", 2), Now);
            await outbox.EnqueueAsync(Bundles.For("H1", "INC-3", 1), Now);

            var head = (await outbox.PeekHeadAsync("H1", CancellationToken.None))!;
            Assert.Equal(("INC-1", 1), (head.CaseId, head.Version));
            Assert.Equal(Now, head.EnqueuedAt);
            await outbox.RecordFailureAsync(head, "HTTP 503", Now.AddSeconds(1));
            await outbox.RecordFailureAsync(head, "HTTP 503", Now.AddSeconds(2));
            Assert.Equal(2, (await outbox.PeekHeadAsync("H1", CancellationToken.None))!.Attempts);

            await outbox.MarkDeliveredAsync(head, Now.AddSeconds(3));
            var second = (await outbox.PeekHeadAsync("H1", CancellationToken.None))!;
            Assert.Equal(("INC-1", 2), (second.CaseId, second.Version));
            await outbox.RejectAsync(second, 422, "HTTP 422: error invalid", Now.AddSeconds(4));
        }

        // Reopened, as after a restart: the queue, the last delivery, the last error and the rejection are all still there.
        await using var reopened = Open();
        var h1 = (await reopened.PeekHeadAsync("H1", CancellationToken.None))!;
        var h2 = (await reopened.PeekHeadAsync("H2", CancellationToken.None))!;
        Assert.Equal(("INC-3", 1), (h1.CaseId, h1.Version));
        Assert.Equal(("INC-2", 1), (h2.CaseId, h2.Version));
        Assert.Null(await reopened.PeekHeadAsync("H3", CancellationToken.None));
        var state = await reopened.ReadStateAsync("H1", CancellationToken.None);
        Assert.Equal(1, state.Pending);
        Assert.Equal(Now, state.OldestPendingSince);
        Assert.Equal(0, state.HeadAttempts);
        Assert.Equal(new EhrDelivery("INC-1", 1, Now.AddSeconds(3)), state.LastDelivered);
        Assert.Equal(new EhrFailure("INC-1", 1, "HTTP 503", Now.AddSeconds(2)), state.LastError);
        Assert.Equal(1, state.Rejected);
        Assert.Equal(new EhrRejection("INC-1", 2, 422, "HTTP 422: error invalid", Now.AddSeconds(4)), state.LastRejected);
        Assert.Equal(new Dictionary<string, int> { ["H1"] = 1, ["H2"] = 1 }, await reopened.PendingByHospitalAsync(CancellationToken.None));
        Assert.Equal(new EhrQueueState(0, null, 0, null, null, 0, null), await reopened.ReadStateAsync("H3", CancellationToken.None));
    }
}
