namespace EmergencyLink.Server.Hosting;

public sealed class RedisClusteringSettings
{
    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis1:6379,password=…,ssl=true</c>.</summary>
    public string ConnectionString { get; set; } = "";
}
