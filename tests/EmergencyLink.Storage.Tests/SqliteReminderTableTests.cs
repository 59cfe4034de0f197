namespace EmergencyLink.Storage.Tests;

public sealed class SqliteReminderTableTests : ReminderTableContract
{
    protected override ReminderTableHarness Harness() => new SqliteReminderTableHarness();
}
