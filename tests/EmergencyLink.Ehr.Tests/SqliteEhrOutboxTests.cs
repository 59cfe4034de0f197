using Microsoft.Extensions.Logging.Abstractions;

namespace EmergencyLink.Ehr.Tests;

/// <summary>The contract on the SQLite file, plus its group commit.</summary>
public sealed class SqliteEhrOutboxTests : EhrOutboxContract, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("emergencylink-ehr-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    protected override IEhrOutbox Open() => OpenFile();

    [Fact]
    public async Task Concurrent_enqueues_share_commits_and_each_returns_only_once_its_own_is_committed()
    {
        await using var outbox = OpenFile();

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 200).Select(i => outbox.EnqueueAsync(Bundles.For("H1", $"INC-{i}", 1), Now)));

        Assert.All(outcomes, o => Assert.Equal(EhrEnqueueOutcome.Queued, o));
        Assert.Equal(200, (await outbox.ReadStateAsync("H1", CancellationToken.None)).Pending);
        Assert.InRange(outbox.Commits, 1, 100);
    }

    private SqliteEhrOutbox OpenFile() => SqliteEhrOutbox.Open(EhrHarness.OutboxPathIn(folder), NullLogger<SqliteEhrOutbox>.Instance);
}
