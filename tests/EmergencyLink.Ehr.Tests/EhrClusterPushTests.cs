using System.Globalization;
using Npgsql;

namespace EmergencyLink.Ehr.Tests;

/// <summary>
/// Two push services on one database, as two nodes of a cluster, toward one receiver: one sends at a time, documents
/// queued on either are delivered in version order, and when the sender's session ends the other takes over.
/// Each service tags its requests (<c>X-Sender</c>), so the receiver can tell who sent what.
/// </summary>
public sealed class EhrClusterPushTests(LocalPostgres postgres) : IClassFixture<LocalPostgres>, IAsyncLifetime
{
    private readonly FhirReceiver receiver = new();
    private string connectionString = "";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    [SkippableFact]
    public async Task Two_nodes_deliver_every_document_queued_on_either_once_in_version_order_with_one_sender_at_a_time()
    {
        // Late answers, so two senders working at once would be seen overlapping.
        receiver.Answer = (_, _) => new ReceiverAnswer(201, Delay: TimeSpan.FromMilliseconds(5));
        await receiver.StartAsync();
        connectionString = postgres.CreateDatabase("ehrpush");

        // A poll far longer than the waits below: a document queued on the other node reaches the sender by NOTIFY or not in time.
        var poll = new Dictionary<string, string> { ["SenderPollInterval"] = "00:01:00" };
        await using var a = Node("A", poll);
        await using var b = Node("B", poll);
        await a.StartAsync();
        await b.StartAsync();
        var (sender, other) = await WhoSendsAsync(a, b);

        // First only through the node that does not send: the sender, idle, hears of them from the database alone.
        foreach (var version in Enumerable.Range(1, 3))
        {
            Assert.True(await other.Push.EnqueueAsync(Bundles.For("H1", "INC-0", version), CancellationToken.None));
        }

        await other.WaitForAsync("H1", s => s.Pending == 0 && s.LastDelivered?.Version == 3, TimeSpan.FromSeconds(10));

        // Then five cases at once, each case's versions alternating between the nodes.
        await Task.WhenAll(Enumerable.Range(1, 5).Select(c => Task.Run(async () =>
        {
            for (var version = 1; version <= 8; version++)
            {
                var node = (c + version) % 2 == 0 ? a : b;
                Assert.True(await node.Push.EnqueueAsync(Bundles.For("H1", $"INC-{c}", version), CancellationToken.None));
            }
        })));
        await a.WaitForAsync("H1", s => s.Pending == 0, TimeSpan.FromSeconds(20));

        var accepted = receiver.Accepted;
        Assert.Equal(43, accepted.Count);
        Assert.Equal(accepted.Count, accepted.Distinct().Count());
        foreach (var c in Enumerable.Range(0, 6))
        {
            var versions = accepted.Where(id => id!.StartsWith($"H1/INC-{c}/", StringComparison.Ordinal))
                .Select(id => int.Parse(id!.Split('/')[2], CultureInfo.InvariantCulture));
            Assert.Equal(Enumerable.Range(1, c == 0 ? 3 : 8), versions);
        }

        Assert.All(receiver.Received, r => Assert.Equal(sender.Tag, r.Sender));
        Assert.Equal(1, receiver.MaxInFlight);
        Assert.False(other.Node.Service.IsSenderFor("H1"));
        Assert.Equal(await a.Node.StatusAsync("H1"), await b.Node.StatusAsync("H1"));
    }

    [SkippableFact]
    public async Task When_the_sender_is_cut_off_from_the_database_the_other_node_takes_over_and_delivers_the_rest_in_order()
    {
        var up = false;
        receiver.Answer = (_, _) => Volatile.Read(ref up) ? ReceiverAnswer.Created : new ReceiverAnswer(503);
        await receiver.StartAsync();
        connectionString = postgres.CreateDatabase("ehrpush");

        // A logs in as its own role, so that it alone can be cut off, as a node that died or lost its network would be.
        var role = "node_a_" + Guid.NewGuid().ToString("N")[..8];
        postgres.Psql($"CREATE ROLE {role} LOGIN SUPERUSER");
        var fast = new Dictionary<string, string> { ["SenderPollInterval"] = "00:00:00.100" };
        await using var a = Node("A", fast, new NpgsqlConnectionStringBuilder(connectionString) { Username = role }.ConnectionString);
        await a.StartAsync();
        await WaitUntilAsync(() => a.Node.Service.IsSenderFor("H1"));
        await using var b = Node("B", fast);
        await b.StartAsync();

        var queued = new[]
        {
            (a, Bundles.For("H1", "INC-1", 1)), (b, Bundles.For("H1", "INC-2", 1)), (b, Bundles.For("H1", "INC-1", 2)),
            (a, Bundles.For("H1", "INC-2", 2)), (b, Bundles.For("H1", "INC-1", 3)),
        };
        foreach (var (node, document) in queued)
        {
            Assert.True(await node.Push.EnqueueAsync(document, CancellationToken.None));
        }

        // A holds the hospital while the receiver fails; B, trying every 100 ms, never gets to send.
        await WaitUntilAsync(() => receiver.Received.Count(r => r.Sender == "A") >= 3);
        await Task.Delay(500);
        Assert.DoesNotContain(receiver.Received, r => r.Sender == "B");
        Assert.False(b.Node.Service.IsSenderFor("H1"));

        // A's sessions end and it cannot make new ones, while A itself runs on, trying.
        postgres.Psql($"ALTER ROLE {role} NOLOGIN");
        postgres.Psql($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'");
        await WaitUntilAsync(() => b.Node.Service.IsSenderFor("H1"));
        await WaitUntilAsync(() => receiver.Received.Any(r => r.Sender == "B"));
        Volatile.Write(ref up, true);
        await b.WaitForAsync("H1", s => s.Pending == 0, TimeSpan.FromSeconds(10));

        Assert.Equal(queued.Select(q => $"H1/{q.Item2.CaseId}/{q.Item2.Version}"), receiver.Accepted);
        Assert.All(receiver.Received.Where(r => r.Status == 201), r => Assert.Equal("B", r.Sender));
        Assert.False(a.Node.Service.IsSenderFor("H1"));
    }

    [SkippableFact]
    public async Task A_sender_whose_session_is_cut_claims_the_hospital_again_on_a_new_session_and_goes_on_delivering()
    {
        await receiver.StartAsync();
        connectionString = postgres.CreateDatabase("ehrpush");
        var fast = new Dictionary<string, string> { ["SenderPollInterval"] = "00:00:00.100" };
        await using var a = Node("A", fast);
        await a.StartAsync();
        await WaitUntilAsync(() => a.Node.Service.IsSenderFor("H1"));
        var firstSession = LockHolder();

        // Only the election's session: whichever node claims next is the sender (here the only one, A, again, on a new session).
        Assert.Equal("t", postgres.Psql($"SELECT pg_terminate_backend({firstSession})", Database()).Trim());
        await WaitUntilAsync(() => LockHolder() is { } holder && holder != firstSession);
        Assert.True(await a.Push.EnqueueAsync(Bundles.For("H1", "INC-1", 1), CancellationToken.None));
        await a.WaitForAsync("H1", s => s.Pending == 0);
        Assert.Equal(["H1/INC-1/1"], receiver.Accepted);
    }

    [SkippableFact]
    public async Task Documents_queued_on_a_node_that_stops_are_delivered_by_another()
    {
        await receiver.StartAsync();
        var up = false;
        receiver.Answer = (_, _) => Volatile.Read(ref up) ? ReceiverAnswer.Created : new ReceiverAnswer(503);
        connectionString = postgres.CreateDatabase("ehrpush");
        var fast = new Dictionary<string, string> { ["SenderPollInterval"] = "00:00:00.100" };
        await using var b = Node("B", fast);
        await using (var a = Node("A", fast))
        {
            await a.StartAsync();
            await WaitUntilAsync(() => a.Node.Service.IsSenderFor("H1"));
            await b.StartAsync();
            Assert.True(await a.Push.EnqueueAsync(Bundles.For("H1", "INC-1", 1), CancellationToken.None));
            Assert.True(await a.Push.EnqueueAsync(Bundles.For("H1", "INC-1", 2), CancellationToken.None));
            await WaitUntilAsync(() => receiver.Received.Any(r => r.Sender == "A"));
        }

        Volatile.Write(ref up, true);
        await b.WaitForAsync("H1", s => s.Pending == 0, TimeSpan.FromSeconds(10));
        Assert.Equal(["H1/INC-1/1", "H1/INC-1/2"], receiver.Accepted);
        Assert.All(receiver.Received.Where(r => r.Status == 201), r => Assert.Equal("B", r.Sender));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition never held.");
            await Task.Delay(10);
        }
    }

    private static async Task<(TaggedNode Sender, TaggedNode Other)> WhoSendsAsync(TaggedNode a, TaggedNode b)
    {
        await WaitUntilAsync(() => a.Node.Service.IsSenderFor("H1") || b.Node.Service.IsSenderFor("H1"));
        return a.Node.Service.IsSenderFor("H1") ? (a, b) : (b, a);
    }

    private string Database() => new NpgsqlConnectionStringBuilder(connectionString).Database!;

    /// <summary>The backend holding H1's sender lock, if any.</summary>
    private string? LockHolder()
    {
        var pid = postgres.Psql($"""
            SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted
                AND classid = {PostgreSqlSenderElection.LockClass} AND objid = {PostgreSqlSenderElection.LockKey("H1")}
            """, Database()).Trim();
        return pid.Length == 0 ? null : pid;
    }

    private TaggedNode Node(string tag, IReadOnlyDictionary<string, string> settings, string? asConnectionString = null)
    {
        var all = new Dictionary<string, string>(settings) { ["Hospitals:H1:Headers:X-Sender"] = tag };
        return new TaggedNode(tag, EhrHarness.CreateOnPostgreSql(
            asConnectionString ?? connectionString, new Dictionary<string, Uri> { ["H1"] = receiver.BaseUrl }, all));
    }
}
