using EmergencyLink.Storage.Reminders;

namespace EmergencyLink.Storage.Tests;

/// <summary>A reminder table over its own storage, reopened at will, removed at the end.</summary>
public abstract class ReminderTableHarness : IAsyncDisposable
{
    public const string Service = "emergencylink-test";

    private SqlReminderTable? table;

    public SqlReminderTable Table => table ??= Open(Service);

    /// <summary>A new table instance over the same storage (what a restarted node, or a second node, opens).</summary>
    public abstract SqlReminderTable Open(string serviceId);

    public void Reopen() => table = Open(Service);

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
