using Orleans.Storage;

namespace EmergencyLink.Storage.Tests;

/// <summary>
/// What every grain-state store must do, run against each (SQLite here, PostgreSQL where the package is installed):
/// the cluster relies on both keeping the same ETag semantics.
/// </summary>
public abstract class GrainStorageContract
{
    /// <summary>A store over fresh, empty storage.</summary>
    protected abstract Task<StorageHarness> HarnessAsync();

    protected static SampleState Sample(string name) => new()
    {
        Name = name,
        Mood = SampleMood.Busy,
        Since = new DateTimeOffset(2026, 11, 24, 8, 30, 0, TimeSpan.Zero),
        Entries = [new SampleEntry(1, new DateTimeOffset(2026, 11, 24, 8, 31, 0, TimeSpan.Zero), "first")],
        Counts = new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 },
    };

    [SkippableFact]
    public async Task A_written_state_reads_back_equal_with_its_etag()
    {
        await using var h = await HarnessAsync();
        var state = await h.ReadAsync("g1");
        state.State = Sample("one");

        await h.Storage.WriteStateAsync("sample", StorageHarness.Grain("g1"), state);
        var read = await h.ReadAsync("g1");

        Assert.True(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
        Assert.Equal("one", read.State!.Name);
        Assert.Equal(SampleMood.Busy, read.State!.Mood);
        Assert.Equal(state.State.Since, read.State!.Since);
        Assert.Equal(state.State.Entries, read.State!.Entries);
        Assert.Equal(state.State.Counts, read.State!.Counts);
    }

    [SkippableFact]
    public async Task A_missing_row_reads_as_a_fresh_state_without_etag()
    {
        await using var h = await HarnessAsync();

        var read = await h.ReadAsync("nobody");

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.NotNull(read.State);
        Assert.Equal("", read.State!.Name);
    }

    [SkippableFact]
    public async Task Write_with_stale_etag_is_rejected_and_changes_nothing()
    {
        await using var h = await HarnessAsync();
        var first = await h.ReadAsync("g");
        var second = await h.ReadAsync("g");
        first.State = Sample("first writer");
        await h.Storage.WriteStateAsync("sample", StorageHarness.Grain("g"), first);

        second.State = Sample("second writer");
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            h.Storage.WriteStateAsync("sample", StorageHarness.Grain("g"), second));

        var stale = await h.ReadAsync("g");
        var staleCopy = new Orleans.GrainState<SampleState>(Sample("late"), stale.ETag);
        stale.State = Sample("update");
        await h.Storage.WriteStateAsync("sample", StorageHarness.Grain("g"), stale);
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            h.Storage.WriteStateAsync("sample", StorageHarness.Grain("g"), staleCopy));
        Assert.Equal("update", (await h.ReadAsync("g")).State!.Name);
    }

    [SkippableFact]
    public async Task Clear_removes_the_row_and_a_new_write_starts_over()
    {
        await using var h = await HarnessAsync();
        var state = await h.ReadAsync("g");
        state.State = Sample("x");
        await h.Storage.WriteStateAsync("sample", StorageHarness.Grain("g"), state);

        await h.Storage.ClearStateAsync("sample", StorageHarness.Grain("g"), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.False((await h.ReadAsync("g")).RecordExists);
        state.State = Sample("again");
        await h.Storage.WriteStateAsync("sample", StorageHarness.Grain("g"), state);
        Assert.Equal("again", (await h.ReadAsync("g")).State!.Name);
    }

    [SkippableFact]
    public async Task Five_hundred_concurrent_writers_are_all_durable_across_a_reopen()
    {
        await using var h = await HarnessAsync();
        await Task.WhenAll(Enumerable.Range(0, 500).Select(async i =>
        {
            var state = await h.ReadAsync($"g{i}");
            state.State = Sample($"grain {i}");
            await h.Storage.WriteStateAsync("sample", StorageHarness.Grain($"g{i}"), state);
        }));

        await h.ReopenAsync();

        for (var i = 0; i < 500; i += 37)
        {
            Assert.Equal($"grain {i}", (await h.ReadAsync($"g{i}")).State!.Name);
        }

        Assert.Equal(500L, await h.CountRowsAsync());
    }

    [SkippableFact]
    public async Task One_conflict_in_a_batch_fails_only_its_own_write()
    {
        await using var h = await HarnessAsync();
        var taken = await h.ReadAsync("taken");
        taken.State = Sample("owner");
        await h.Storage.WriteStateAsync("sample", StorageHarness.Grain("taken"), taken);

        var stale = new Orleans.GrainState<SampleState>(Sample("intruder"), null);
        var writes = Enumerable.Range(0, 50).Select(async i =>
        {
            var s = new Orleans.GrainState<SampleState>(Sample($"ok {i}"), null);
            await h.Storage.WriteStateAsync("sample", StorageHarness.Grain($"ok{i}"), s);
        }).Append(h.Storage.WriteStateAsync("sample", StorageHarness.Grain("taken"), stale)).ToArray();

        await Assert.ThrowsAsync<InconsistentStateException>(() => Task.WhenAll(writes));

        Assert.Equal(50, writes.Count(w => w.IsCompletedSuccessfully));
        Assert.Equal("owner", (await h.ReadAsync("taken")).State!.Name);
    }

    [SkippableFact]
    public async Task Successive_writes_of_one_grain_chain_their_etags()
    {
        await using var h = await HarnessAsync();
        var state = await h.ReadAsync("g");
        for (var i = 0; i < 20; i++)
        {
            state.State = Sample($"v{i}");
            await h.Storage.WriteStateAsync("sample", StorageHarness.Grain("g"), state);
        }

        Assert.Equal("20", state.ETag);
        Assert.Equal("v19", (await h.ReadAsync("g")).State!.Name);
    }

    [SkippableFact]
    public async Task The_store_reports_ready_once_started()
    {
        await using var h = await HarnessAsync();
        Assert.False(await h.Storage.IsReadyAsync(CancellationToken.None));

        await h.Storage.StartAsync();

        Assert.True(await h.Storage.IsReadyAsync(CancellationToken.None));
    }
}
