namespace EmergencyLink.Server.Hosting;

/// <summary>Azure SignalR Service, when the browsers and gateways connect through it rather than to the nodes.</summary>
public sealed class AzureSignalROptions
{
    /// <summary>The key Microsoft.Azure.SignalR reads itself, so the usual Azure configuration works unchanged.</summary>
    public const string Section = "Azure:SignalR";

    public string? ConnectionString { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(ConnectionString);
}
