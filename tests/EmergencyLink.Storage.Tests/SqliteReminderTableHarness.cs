using EmergencyLink.Storage.Reminders;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmergencyLink.Storage.Tests;

/// <summary>A file in its own temp folder, deleted at the end.</summary>
public sealed class SqliteReminderTableHarness : ReminderTableHarness
{
    private readonly string folder = Directory.CreateTempSubdirectory("emergencylink-reminders-").FullName;

    public override SqlReminderTable Open(string serviceId) => new SqliteReminderTable(
        new SqliteReminderTableOptions { Path = Path.Combine(folder, "reminders.db") }, serviceId, NullLogger<SqliteReminderTable>.Instance);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
