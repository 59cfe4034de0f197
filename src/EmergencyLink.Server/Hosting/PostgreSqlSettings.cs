namespace EmergencyLink.Server.Hosting;

public sealed class PostgreSqlSettings
{
    /// <summary>An Npgsql connection string, e.g. <c>Host=db1;Port=5432;Username=emergencylink;Password=…;Database=emergencylink</c>.</summary>
    public string ConnectionString { get; set; } = "";
}
