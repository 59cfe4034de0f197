using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Telemetry;
using EmergencyLink.Storage.Telemetry;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmergencyLink.Storage.Tests;

/// <summary>
/// The archive's group commit: many stores share one commit (one fsync), complete in the order they were queued and
/// only once durable, and a commit the database refuses fails the stores it held, never silently.
/// </summary>
public sealed class TelemetryGroupCommitTests : IDisposable
{
    private const long T0 = 1_800_000_000_000_000;
    private readonly string folder = Directory.CreateTempSubdirectory("emergencylink-groupcommit-").FullName;

    private string DbPath => Path.Combine(folder, "telemetry.db");

    private SqliteTelemetryArchive Open(string? path = null, TimeSpan? gather = null) => new(
        new TelemetryArchiveOptions { Path = path ?? DbPath, CommitInterval = gather ?? TimeSpan.Zero }, NullLogger<SqliteTelemetryArchive>.Instance);

    private static TelemetryFrame Vitals(string vehicle, long sequence, string caseId = "INC-000001") => new(
        vehicle, caseId, "vitals", TelemetryKind.Vitals, sequence, T0 + (sequence * 1_000_000),
        TelemetryCodec.EncodeVitals(new VitalSigns(80, 97, 120, 80, 93, 16, 36, 36.8)));

    private static ArchiveEntry Entry(TelemetryFrame frame) => new(frame, frame.CapturedAtMicros + 5_000, false);

    [Fact]
    public async Task Stores_complete_in_the_order_they_were_queued_and_the_first_of_a_frame_queued_twice_is_kept()
    {
        await using var archive = Open();
        var completedOutOfOrder = 0;
        var stores = new List<Task>();
        var checks = new List<Task>();
        for (var i = 0; i < 300; i++)
        {
            var vehicle = "V" + (i % 30);
            var store = archive.StoreAsync([Entry(Vitals(vehicle, 1 + (i / 30)))], []);
            var earlier = stores.ToArray();
            stores.Add(store);
            checks.Add(store.ContinueWith(
                _ => { if (!earlier.All(e => e.IsCompleted)) { Interlocked.Increment(ref completedOutOfOrder); } },
                TaskScheduler.Default));
        }

        var first = archive.StoreAsync([Entry(Vitals("V0", 99, "INC-000001"))], []);
        var second = archive.StoreAsync([Entry(Vitals("V0", 99, "INC-000002"))], []);
        await Task.WhenAll(stores.Concat(checks).Append(first).Append(second));

        Assert.Equal(0, completedOutOfOrder);
        Assert.Equal([99L], (await archive.ReadAsync("INC-000001", "vitals", T0 + 99_000_000, T0 + 99_000_000, 10)).Select(f => f.Sequence));
        Assert.Empty(await archive.ReadAsync("INC-000002", null, 0, long.MaxValue, 10));
        var held = (await archive.LoadVehicleAsync("V7")).Single();
        Assert.Equal([new SequenceRange(1, 10)], held.Held);
    }

    [Fact]
    public async Task Every_store_that_completed_is_in_the_files_as_a_crash_of_the_process_would_leave_them()
    {
        var copy = Path.Combine(folder, "after-crash");
        Directory.CreateDirectory(copy);
        await using (var archive = Open())
        {
            await Task.WhenAll(Enumerable.Range(1, 200).Select(s => archive.StoreAsync([Entry(Vitals("V1", s))], [])));

            // The process dies here: no dispose, no checkpoint. What the OS holds of the database and its WAL is all a
            // restarted server would find, so copy exactly that while the archive is still open.
            foreach (var suffix in new[] { "", "-wal" })
            {
                if (File.Exists(DbPath + suffix))
                {
                    File.Copy(DbPath + suffix, Path.Combine(copy, "telemetry.db" + suffix));
                }
            }
        }

        await using var restarted = Open(Path.Combine(copy, "telemetry.db"));
        Assert.Equal([new SequenceRange(1, 200)], (await restarted.LoadVehicleAsync("V1")).Single().Held);
    }

    [Fact]
    public async Task A_store_the_database_refuses_fails_alone_and_the_stores_that_shared_its_commit_become_durable()
    {
        // Gathering for a while puts the three stores into one commit.
        await using var archive = Open(gather: TimeSpan.FromMilliseconds(300));
        var before = archive.StoreAsync([Entry(Vitals("V1", 1))], []);
        var refused = archive.StoreAsync([Entry(Vitals("V1", 2) with { CaseId = null! })], []);
        var after = archive.StoreAsync([Entry(Vitals("V1", 3))], []);

        // A frame without a case cannot be bound to the case_id column: the store fails with the driver's refusal.
        await Assert.ThrowsAsync<InvalidOperationException>(() => refused);
        await Task.WhenAll(before, after);

        Assert.Equal([new SequenceRange(1, 1), new SequenceRange(3, 3)], (await archive.LoadVehicleAsync("V1")).Single().Held);
        await archive.StoreAsync([Entry(Vitals("V1", 2))], []);
        Assert.Equal([new SequenceRange(1, 3)], (await archive.LoadVehicleAsync("V1")).Single().Held);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
