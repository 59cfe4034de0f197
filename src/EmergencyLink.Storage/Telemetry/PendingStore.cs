using EmergencyLink.Contracts.Telemetry;

namespace EmergencyLink.Storage.Telemetry;

internal sealed record PendingStore(IReadOnlyList<ArchiveEntry> Entries, IReadOnlyList<DuplicateCount> Duplicates)
{
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
