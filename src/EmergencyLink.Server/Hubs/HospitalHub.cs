using EmergencyLink.Security;
using EmergencyLink.Server.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace EmergencyLink.Server.Hubs;

/// <summary>
/// An emergency department's live feed. An ED user is joined to its own hospital on connect and can join no other;
/// dispatchers and admins choose a hospital to watch.
/// </summary>
[Authorize(Policy = Policies.HospitalFeed)]
public sealed class HospitalHub : Hub<IHospitalClient>
{
    public const string Path = "/hubs/hospital";

    public static string GroupOf(string hospitalId) => "hospital:" + hospitalId;

    public override async Task OnConnectedAsync()
    {
        if (Context.User?.IsInRole(Roles.Ed) == true && Context.User.HospitalClaim() is { } hospital)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(hospital));
        }

        await base.OnConnectedAsync();
    }

    [HubMethodName("Subscribe")]
    public async Task SubscribeAsync(string hospitalId)
    {
        if (!Context.User!.MayWatchHospital(hospitalId))
        {
            throw new HubException($"You may not watch hospital {hospitalId}.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(hospitalId));
    }

    [HubMethodName("Unsubscribe")]
    public Task UnsubscribeAsync(string hospitalId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(hospitalId));
}
