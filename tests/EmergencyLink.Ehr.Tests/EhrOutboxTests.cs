using Microsoft.Extensions.Logging.Abstractions;

namespace EmergencyLink.Ehr.Tests;

/// <summary>The outbox on its own: durable writes, shared commits, queue order, setting aside.</summary>
public sealed class EhrOutboxTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private readonly string folder = Directory.CreateTempSubdirectory("emergencylink-ehr-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Concurrent_enqueues_share_commits_and_each_returns_only_once_its_own_is_committed()
    {
        await using var outbox = EhrOutbox.Open(EhrHarness.OutboxPathIn(folder), NullLogger<EhrOutbox>.Instance);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 200).Select(i => outbox.EnqueueAsync(Bundles.For("H1", $"INC-{i}", 1), Now)));

        Assert.All(outcomes, o => Assert.Equal(EhrEnqueueOutcome.Queued, o));
        Assert.Equal(200, outbox.ReadState("H1").Pending);
        Assert.InRange(outbox.Commits, 1, 100);
    }

    [Fact]
    public async Task The_head_is_the_oldest_document_of_its_hospital_and_moves_on_only_when_delivered_or_rejected()
    {
        await using (var outbox = EhrOutbox.Open(EhrHarness.OutboxPathIn(folder), NullLogger<EhrOutbox>.Instance))
        {
            await outbox.EnqueueAsync(Bundles.For("H1", "INC-1", 1), Now);
            await outbox.EnqueueAsync(Bundles.For("H2", "INC-2", 1), Now);
            await outbox.EnqueueAsync(Bundles.For("H1", "INC-1", 2), Now);
            await outbox.EnqueueAsync(Bundles.For("H1", "INC-3", 1), Now);

            var head = outbox.PeekHead("H1")!;
            Assert.Equal(("INC-1", 1), (head.CaseId, head.Version));
            await outbox.RecordFailureAsync(head, "HTTP 503", Now.AddSeconds(1));
            await outbox.RecordFailureAsync(head, "HTTP 503", Now.AddSeconds(2));
            Assert.Equal(2, outbox.PeekHead("H1")!.Attempts);

            await outbox.MarkDeliveredAsync(head, Now.AddSeconds(3));
            var second = outbox.PeekHead("H1")!;
            Assert.Equal(("INC-1", 2), (second.CaseId, second.Version));
            await outbox.RejectAsync(second, 422, "HTTP 422: error invalid", Now.AddSeconds(4));
        }

        // Reopened, as after a restart: the queue, the last delivery, the last error and the rejection are all still there.
        await using var reopened = EhrOutbox.Open(EhrHarness.OutboxPathIn(folder), NullLogger<EhrOutbox>.Instance);
        Assert.Equal(("INC-3", 1), (reopened.PeekHead("H1")!.CaseId, reopened.PeekHead("H1")!.Version));
        Assert.Equal(("INC-2", 1), (reopened.PeekHead("H2")!.CaseId, reopened.PeekHead("H2")!.Version));
        var state = reopened.ReadState("H1");
        Assert.Equal(1, state.Pending);
        Assert.Equal(new EhrDelivery("INC-1", 1, Now.AddSeconds(3)), state.LastDelivered);
        Assert.Equal(new EhrFailure("INC-1", 1, "HTTP 503", Now.AddSeconds(2)), state.LastError);
        Assert.Equal(1, state.Rejected);
        Assert.Equal(new EhrRejection("INC-1", 2, 422, "HTTP 422: error invalid", Now.AddSeconds(4)), state.LastRejected);
        Assert.Equal(new Dictionary<string, int> { ["H1"] = 1, ["H2"] = 1 }, reopened.PendingByHospital());
    }
}
