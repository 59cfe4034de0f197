using EmergencyLink.Contracts.Telemetry;
using Microsoft.AspNetCore.SignalR;

namespace EmergencyLink.Cli.LinkBench;

/// <summary>
/// The peer relay's vehicle hub: the same Upload method and message shapes as the server's, and nothing else. Each
/// frame goes to the screens that watch its case and is acknowledged at once: no grain, no archive, no token check,
/// no de-duplication. Its acknowledgement names the highest sequence per channel of the batch, the shape the real
/// hub answers with, so the sender's work per frame is the same.
/// </summary>
public sealed class PeerVehicleHub(IHubContext<PeerHospitalHub> screens) : Hub
{
    [HubMethodName(VehicleLinkProtocol.Upload)]
    public async Task<UploadAck> UploadAsync(TelemetryFrame[]? frames)
    {
        var received = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks / 10;
        if (frames is null || frames.Length == 0)
        {
            return new UploadAck([], []);
        }

        var highest = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var frame in frames)
        {
            highest[frame.Channel] = Math.Max(highest.GetValueOrDefault(frame.Channel), frame.Sequence);
        }

        foreach (var byCase in frames.GroupBy(f => f.CaseId))
        {
            var sent = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks / 10;
            await screens.Clients.Group(PeerHospitalHub.CaseGroupOf(byCase.Key))
                .SendAsync("Telemetry", new TelemetryDelivery(byCase.Key, byCase.ToArray(), received, sent, Replay: false));
        }

        return new UploadAck(highest.Select(h => new ChannelAck(h.Key, h.Value, [])).ToArray(), []);
    }
}
