using Microsoft.Data.Sqlite;

namespace EmergencyLink.Ehr;

/// <summary>One write waiting for the outbox's writer; completed only once the transaction holding it has committed.</summary>
internal sealed class OutboxOperation(Func<SqliteTransaction, object?> work)
{
    public Func<SqliteTransaction, object?> Work => work;

    public TaskCompletionSource<object?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
