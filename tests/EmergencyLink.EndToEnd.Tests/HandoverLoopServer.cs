namespace EmergencyLink.EndToEnd.Tests;

/// <summary>
/// A server of its own for the handover-loop tests, with a pre-alert escalated after 2 s (checked every 200 ms) instead
/// of 2 min, passed as configuration through the environment as an operator would.
/// </summary>
public sealed class HandoverLoopServer : IAsyncLifetime
{
    public static readonly TimeSpan EscalationAfter = TimeSpan.FromSeconds(2);

    public ServerProcess Server { get; } = new(environment: new Dictionary<string, string>
    {
        ["Handover__PreAlertEscalationAfter"] = "00:00:02",
        ["Handover__EscalationCheckInterval"] = "00:00:00.200",
    });

    public Task InitializeAsync() => Server.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
