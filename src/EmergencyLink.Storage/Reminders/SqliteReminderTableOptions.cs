namespace EmergencyLink.Storage.Reminders;

public sealed class SqliteReminderTableOptions
{
    /// <summary>The database file; its folder is created if missing.</summary>
    public string Path { get; set; } = "";
}
