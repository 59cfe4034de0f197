using EmergencyLink.Server.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace EmergencyLink.Server.Hubs;

/// <summary>
/// The dispatch console's live feed: every case and unit of the region. Viewers only listen; commands go through
/// the HTTP API, where they are validated, authorised and acknowledged once durable.
/// </summary>
[Authorize(Policy = Policies.Dispatch)]
public sealed class DispatchHub : Hub<IDispatchClient>
{
    public const string Path = "/hubs/dispatch";
}
