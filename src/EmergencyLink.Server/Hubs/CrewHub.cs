using EmergencyLink.Server.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace EmergencyLink.Server.Hubs;

/// <summary>
/// A crew's screen: its own vehicle's case, the case's messages and the ED's tele-guidance marks. It only listens and
/// joins no group by choice: the vehicle claim of the token decides the one group it is in. The crew writes through the
/// HTTP API, and uploads frames on the vehicle hub.
/// </summary>
[Authorize(Policy = Policies.CrewFeed)]
public sealed class CrewHub : Hub<ICrewClient>
{
    public const string Path = "/hubs/crew";

    public static string GroupOf(string vehicleId) => "vehicle:" + vehicleId;

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(Context.User!.VehicleClaim()!));
        await base.OnConnectedAsync();
    }
}
