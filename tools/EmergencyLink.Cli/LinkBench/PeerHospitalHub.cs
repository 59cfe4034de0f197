using EmergencyLink.Contracts.Telemetry;
using Microsoft.AspNetCore.SignalR;

namespace EmergencyLink.Cli.LinkBench;

/// <summary>
/// The peer relay's screen hub: the two methods a benchmark screen calls. Opening a case joins its group (as the
/// server's hospital hub does) and answers with no replay; leaving the board feed is accepted and does nothing,
/// since the peer has no board.
/// </summary>
public sealed class PeerHospitalHub : Hub
{
    public static string CaseGroupOf(string caseId) => "case:" + caseId;

    [HubMethodName("WatchCase")]
    public async Task<TelemetryDelivery> WatchCaseAsync(string caseId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, CaseGroupOf(caseId));
        var now = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks / 10;
        return new TelemetryDelivery(caseId, [], now, now, Replay: true);
    }

    [HubMethodName("Unsubscribe")]
    public Task UnsubscribeAsync(string hospitalId) => Task.CompletedTask;
}
