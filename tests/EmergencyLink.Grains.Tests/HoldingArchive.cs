using System.Collections.Concurrent;
using EmergencyLink.Contracts.Telemetry;

namespace EmergencyLink.Grains.Tests;

/// <summary>
/// The real archive, with a hand on one vehicle's stores: a test can hold them (as a slow disk would: each completes
/// only when released, in order) or make the next one fail (as a refused commit would). Other vehicles pass straight through.
/// </summary>
public sealed class HoldingArchive(ITelemetryArchive inner) : ITelemetryArchive
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> held = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> failing = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task> lastHeld = new(StringComparer.Ordinal);

    /// <summary>Stores of the vehicle wait from now on until <see cref="Release"/>.</summary>
    public void Hold(string vehicle) => held[vehicle] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release(string vehicle)
    {
        if (held.TryRemove(vehicle, out var gate))
        {
            gate.SetResult();
        }
    }

    public void FailNext(string vehicle) => failing.AddOrUpdate(vehicle, 1, (_, n) => n + 1);

    public Task StoreAsync(IReadOnlyList<ArchiveEntry> entries, IReadOnlyList<DuplicateCount> duplicates)
    {
        var vehicle = entries.Select(e => e.Frame.VehicleId).Concat(duplicates.Select(d => d.VehicleId)).FirstOrDefault();
        if (vehicle is null)
        {
            return inner.StoreAsync(entries, duplicates);
        }

        if (!held.TryGetValue(vehicle, out var gate))
        {
            return StoreNowAsync(vehicle, entries, duplicates);
        }

        // Held stores run one after another once released, in the order they came, as the real archive commits them.
        var store = StoreLaterAsync(vehicle, gate.Task, lastHeld.GetValueOrDefault(vehicle, Task.CompletedTask), entries, duplicates);
        lastHeld[vehicle] = store;
        return store;
    }

    public Task<IReadOnlyList<StoredChannel>> LoadVehicleAsync(string vehicleId) => inner.LoadVehicleAsync(vehicleId);

    public Task<IReadOnlyList<TelemetryFrame>> ReadAsync(string caseId, string? channel, long fromMicros, long toMicros, int limit) =>
        inner.ReadAsync(caseId, channel, fromMicros, toMicros, limit);

    public Task<IReadOnlyList<TelemetryFrame>> ReadAfterAsync(string caseId, IReadOnlyDictionary<string, long> after, int limit) =>
        inner.ReadAfterAsync(caseId, after, limit);

    public Task<long?> LatestCaptureAsync(string caseId) => inner.LatestCaptureAsync(caseId);

    public Task<IReadOnlyList<ChannelReport>> ReportAsync(string caseId, TimeSpan lateAfter) => inner.ReportAsync(caseId, lateAfter);

    public Task StoreScreenReportAsync(string caseId, ScreenReport report) => inner.StoreScreenReportAsync(caseId, report);

    public Task<IReadOnlyList<ScreenReport>> ScreenReportsAsync(string caseId) => inner.ScreenReportsAsync(caseId);

    private async Task StoreLaterAsync(string vehicle, Task gate, Task previous, IReadOnlyList<ArchiveEntry> entries, IReadOnlyList<DuplicateCount> duplicates)
    {
        await gate;
        await Task.WhenAny(previous);
        await StoreNowAsync(vehicle, entries, duplicates);
    }

    /// <summary>A failure armed while a store was held applies when it is released, as a commit fails when it runs.</summary>
    private Task StoreNowAsync(string vehicle, IReadOnlyList<ArchiveEntry> entries, IReadOnlyList<DuplicateCount> duplicates) =>
        failing.TryGetValue(vehicle, out var left) && left > 0 && failing.TryUpdate(vehicle, left - 1, left)
            ? Task.FromException(new IOException($"Injected archive failure for vehicle {vehicle}."))
            : inner.StoreAsync(entries, duplicates);
}
