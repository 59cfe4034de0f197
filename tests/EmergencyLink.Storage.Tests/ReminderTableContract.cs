using Orleans;
using Orleans.Runtime;

namespace EmergencyLink.Storage.Tests;

/// <summary>
/// What every reminder table must do, run against each (SQLite here, PostgreSQL where the package is installed): the
/// semantics of Orleans' own in-memory table, which its reminder service is written against.
/// </summary>
public abstract class ReminderTableContract
{
    protected const string Name = "pre-alert-escalation";

    /// <summary>A table over fresh, empty storage.</summary>
    protected abstract ReminderTableHarness Harness();

    protected static GrainId Grain(string key) => GrainId.Create("incident", key);

    protected static ReminderEntry Entry(string key, string name = Name, int periodMinutes = 1) => new()
    {
        GrainId = Grain(key),
        ReminderName = name,
        StartAt = new DateTime(2026, 11, 24, 8, 30, 15, DateTimeKind.Utc),
        Period = TimeSpan.FromMinutes(periodMinutes),
    };

    [SkippableFact]
    public async Task An_upserted_reminder_reads_back_equal_with_the_etag_the_upsert_returned()
    {
        await using var h = Harness();
        var entry = Entry("INC-1");

        var etag = await h.Table.UpsertRow(entry);
        var read = await h.Table.ReadRow(entry.GrainId, Name);

        Assert.False(string.IsNullOrEmpty(etag));
        Assert.NotNull(read);
        Assert.Equal((entry.GrainId, entry.ReminderName, entry.StartAt, entry.Period, etag),
            (read.GrainId, read.ReminderName, read.StartAt, read.Period, read.ETag));
        Assert.Equal(DateTimeKind.Utc, read.StartAt.Kind);
        Assert.Equal(etag, Assert.Single((await h.Table.ReadRows(entry.GrainId)).Reminders).ETag);
    }

    [SkippableFact]
    public async Task A_missing_reminder_reads_as_null_and_a_grain_without_reminders_as_none()
    {
        await using var h = Harness();
        await h.Table.UpsertRow(Entry("INC-1"));

        Assert.Null(await h.Table.ReadRow(Grain("INC-1"), "other"));
        Assert.Null(await h.Table.ReadRow(Grain("INC-2"), Name));
        Assert.Empty((await h.Table.ReadRows(Grain("INC-2"))).Reminders);
    }

    [SkippableFact]
    public async Task Upserting_again_replaces_the_row_with_a_new_etag_whatever_etag_the_entry_carries()
    {
        await using var h = Harness();
        var first = await h.Table.UpsertRow(Entry("INC-1"));
        var changed = Entry("INC-1", periodMinutes: 5);
        changed.ETag = "not-the-current-one";

        var second = await h.Table.UpsertRow(changed);
        var read = await h.Table.ReadRow(Grain("INC-1"), Name);

        Assert.NotEqual(first, second);
        Assert.Equal((TimeSpan.FromMinutes(5), second), (read!.Period, read.ETag));
        Assert.Single((await h.Table.ReadRows(Grain("INC-1"))).Reminders);
    }

    [SkippableFact]
    public async Task A_removal_naming_a_stale_etag_removes_nothing_and_one_naming_the_current_etag_removes_the_row()
    {
        await using var h = Harness();
        var stale = await h.Table.UpsertRow(Entry("INC-1"));
        var current = await h.Table.UpsertRow(Entry("INC-1"));

        Assert.False(await h.Table.RemoveRow(Grain("INC-1"), Name, stale!));
        Assert.NotNull(await h.Table.ReadRow(Grain("INC-1"), Name));
        Assert.True(await h.Table.RemoveRow(Grain("INC-1"), Name, current!));
        Assert.Null(await h.Table.ReadRow(Grain("INC-1"), Name));
        Assert.False(await h.Table.RemoveRow(Grain("INC-1"), Name, current!));
    }

    [SkippableFact]
    public async Task A_reminder_removed_and_registered_again_is_not_removed_by_the_old_etag()
    {
        await using var h = Harness();
        var old = await h.Table.UpsertRow(Entry("INC-1"));
        Assert.True(await h.Table.RemoveRow(Grain("INC-1"), Name, old!));
        await h.Table.UpsertRow(Entry("INC-1"));

        Assert.False(await h.Table.RemoveRow(Grain("INC-1"), Name, old!));
        Assert.NotNull(await h.Table.ReadRow(Grain("INC-1"), Name));
    }

    [SkippableFact]
    public async Task A_grain_reads_all_its_reminders_and_only_its_own()
    {
        await using var h = Harness();
        await h.Table.UpsertRow(Entry("INC-1", "a"));
        await h.Table.UpsertRow(Entry("INC-1", "b"));
        await h.Table.UpsertRow(Entry("INC-2", "a"));

        var rows = (await h.Table.ReadRows(Grain("INC-1"))).Reminders;

        Assert.Equal(["a", "b"], rows.Select(r => r.ReminderName).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(Grain("INC-1"), r.GrainId));
    }

    [SkippableFact]
    public async Task A_range_read_returns_the_hashes_above_begin_up_to_and_including_end()
    {
        await using var h = Harness();
        var byHash = await FillAsync(h.Table);

        // (h[2], h[6]]: h[2] itself is out, h[6] itself is in.
        var rows = await h.Table.ReadRows(byHash[2].Hash, byHash[6].Hash);

        Assert.Equal(byHash[3..7].Select(g => g.Key).Order(StringComparer.Ordinal), Keys(rows));
    }

    [SkippableFact]
    public async Task A_range_read_whose_begin_is_not_below_its_end_wraps_around_the_top_of_the_ring()
    {
        await using var h = Harness();
        var byHash = await FillAsync(h.Table);
        var n = byHash.Length;

        var wrapped = await h.Table.ReadRows(byHash[n - 3].Hash, byHash[1].Hash);
        var whole = await h.Table.ReadRows(byHash[4].Hash, byHash[4].Hash);
        var fromZero = await h.Table.ReadRows(0, byHash[1].Hash);
        var toTop = await h.Table.ReadRows(byHash[n - 3].Hash, uint.MaxValue);

        Assert.Equal(byHash[(n - 2)..].Concat(byHash[..2]).Select(g => g.Key).Order(StringComparer.Ordinal), Keys(wrapped));
        Assert.Equal(byHash.Select(g => g.Key).Order(StringComparer.Ordinal), Keys(whole));
        Assert.Equal(byHash[..2].Select(g => g.Key).Order(StringComparer.Ordinal), Keys(fromZero));
        Assert.Equal(byHash[(n - 2)..].Select(g => g.Key).Order(StringComparer.Ordinal), Keys(toTop));
    }

    [SkippableFact]
    public async Task Reminders_survive_reopening_the_table_with_their_etags()
    {
        await using var h = Harness();
        var etag = await h.Table.UpsertRow(Entry("INC-1"));

        h.Reopen();

        Assert.Equal(etag, (await h.Table.ReadRow(Grain("INC-1"), Name))!.ETag);
        Assert.True(await h.Table.RemoveRow(Grain("INC-1"), Name, etag!));
    }

    [SkippableFact]
    public async Task Another_service_on_the_same_database_neither_sees_nor_clears_these_reminders()
    {
        await using var h = Harness();
        await h.Table.UpsertRow(Entry("INC-1"));
        var other = h.Open("another-service");
        await other.UpsertRow(Entry("INC-9"));

        await other.TestOnlyClearTable();

        Assert.Empty((await other.ReadRows(0, 0)).Reminders);
        Assert.Equal(["INC-1"], Keys(await h.Table.ReadRows(0, 0)));
        Assert.Null(await other.ReadRow(Grain("INC-1"), Name));
    }

    /// <summary>Twelve grains' reminders, sorted by the grains' ring hash.</summary>
    private static async Task<(string Key, uint Hash)[]> FillAsync(IReminderTable table)
    {
        var grains = Enumerable.Range(1, 12).Select(i => $"INC-{i}").Select(k => (Key: k, Hash: Grain(k).GetUniformHashCode()))
            .OrderBy(g => g.Hash).ToArray();
        Assert.Equal(grains.Length, grains.Select(g => g.Hash).Distinct().Count());
        foreach (var grain in grains)
        {
            await table.UpsertRow(Entry(grain.Key));
        }

        return grains;
    }

    private static IEnumerable<string> Keys(ReminderTableData rows) =>
        rows.Reminders.Select(r => r.GrainId.Key.ToString()!).Order(StringComparer.Ordinal);
}
