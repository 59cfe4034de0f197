using EmergencyLink.Contracts;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Grains;
using EmergencyLink.Security;
using EmergencyLink.Server.Api;
using EmergencyLink.Server.Auth;
using EmergencyLink.Server.Live;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace EmergencyLink.Server.Hubs;

/// <summary>
/// An emergency department's live feed. An ED user is joined to its own hospital on connect and can join no other;
/// dispatchers and admins choose a hospital to watch.
/// </summary>
[Authorize(Policy = Policies.HospitalFeed)]
public sealed class HospitalHub(
    IGrainFactory grains, CaseWatchers watchers, TelemetryReplay replay)
    : Hub<IHospitalClient>
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

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        watchers.Disconnected(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
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

    public static string CaseGroupOf(string caseId) => "case:" + caseId;

    /// <summary>
    /// Opens a patient: from now on every frame of the case (ECG at full rate, video) comes to this connection, and
    /// the answer holds the last seconds from the archive so the screen is not empty. The hospital's board only gets
    /// vitals: full-rate ECG and video go only to screens that opened the case, so ten inbound ambulances with video
    /// do not flood every board in the department.
    /// </summary>
    [HubMethodName("WatchCase")]
    public async Task<TelemetryDelivery> WatchCaseAsync(string caseId)
    {
        await AuthorizeCaseAsync(caseId);
        await watchers.WatchAsync(Context.ConnectionId, caseId, Context.User!.IsDispatchStaff() ? null : Context.User!.HospitalClaim());
        if (Context.ConnectionAborted.IsCancellationRequested)
        {
            // Gone while the watch was announced: its disconnect may have been handled already, so drop the hold here.
            watchers.Disconnected(Context.ConnectionId);
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, CaseGroupOf(caseId));
        return await ReplayAsync(caseId, null);
    }

    [HubMethodName("UnwatchCase")]
    public Task UnwatchCaseAsync(string caseId)
    {
        watchers.Unwatch(Context.ConnectionId, caseId);
        return Groups.RemoveFromGroupAsync(Context.ConnectionId, CaseGroupOf(caseId));
    }

    /// <summary>
    /// A case's archived frames for a viewer of its destination hospital (or dispatch): what it missed while away, or
    /// the last seconds when it first opens the patient. Live frames keep coming meanwhile; viewers de-duplicate by
    /// (channel, sequence).
    /// </summary>
    [HubMethodName("Replay")]
    public async Task<TelemetryDelivery> ReplayAsync(string caseId, ReplayRequest? request)
    {
        await AuthorizeCaseAsync(caseId);
        return await replay.ReadAsync(caseId, request?.After, request?.LastSeconds);
    }

    private async Task AuthorizeCaseAsync(string caseId)
    {
        var incident = await grains.FindIncidentAsync(caseId);
        if (incident is null)
        {
            throw new HubException($"Incident {caseId} does not exist.");
        }

        if (!Context.User!.IsDispatchStaff() && !Context.User!.IsEdOf(incident.HospitalId))
        {
            throw new HubException($"Incident {caseId} is not inbound to your hospital.");
        }
    }
}
