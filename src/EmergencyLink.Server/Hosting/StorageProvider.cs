namespace EmergencyLink.Server.Hosting;

public enum StorageProvider
{
    Sqlite,
    PostgreSql,
}
