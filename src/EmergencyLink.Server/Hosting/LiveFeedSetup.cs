using EmergencyLink.Ehr;
using EmergencyLink.Grains;
using EmergencyLink.Grains.Live;
using EmergencyLink.Server.Coverage;
using EmergencyLink.Server.Handovers;
using EmergencyLink.Server.Hubs;
using EmergencyLink.Server.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Azure.SignalR;

namespace EmergencyLink.Server.Hosting;

/// <summary>
/// How grains' changes reach viewers on every node. The feed grains call performs a change here (<see cref="SignalRLiveFeed"/>,
/// as a single server does) and forwards it to every other node (<see cref="LiveFanout"/>), which replays it on its
/// own replica of the feed: what that node alone holds — its consoles' circuits, its case watchers, and, unless Azure
/// SignalR Service carries the hubs, its SignalR connections.
/// </summary>
/// <remarks>
/// The replica is the same <see cref="SignalRLiveFeed"/> built over other parts, so whatever a change means for
/// viewers is written once. What must happen once per change, not once per node, is left to the origin: the EHR push
/// of the handover document (the replica's handover publisher refreshes its own boards only) and, with Azure SignalR,
/// every hub message (the service's groups span the nodes; the replica's hub clients are silent, its group removals
/// real).
/// </remarks>
public static class LiveFeedSetup
{
    public static WebApplicationBuilder AddEmergencyLinkLiveFeed(this WebApplicationBuilder builder)
    {
        var azure = builder.Configuration.GetSection(AzureSignalROptions.Section).Get<AzureSignalROptions>() ?? new AzureSignalROptions();
        if (azure.Enabled)
        {
            // Blazor's circuits live in one node's memory: the service must keep sending a browser to the node that
            // holds its circuit.
            builder.Services.AddSignalR().AddAzureSignalR(o =>
            {
                o.ConnectionString = azure.ConnectionString;
                o.ServerStickyMode = ServerStickyMode.Required;
            });
        }

        builder.Services.Configure<LiveFanoutOptions>(builder.Configuration.GetSection(LiveFanoutOptions.Section));
        builder.Services.AddSingleton<SignalRLiveFeed>();
        builder.Services.AddKeyedSingleton<ILiveFeed>(LiveFeedKeys.Origin, (sp, _) => sp.GetRequiredService<SignalRLiveFeed>());

        builder.Services.AddKeyedSingleton(LiveFeedKeys.Replica, (sp, _) =>
            Started(ActivatorUtilities.CreateInstance<HandoverPublisher>(sp, Hub<HospitalHub, IHospitalClient>(sp, azure.Enabled), (IEhrPush)new ReplicaEhrPush())));

        // Self-hosted, each node's coverage monitor already pushes to its own dispatch screens and consoles; with the
        // service, the origin's push reaches every dispatcher, and a replica monitor updates this node's consoles only.
        if (azure.Enabled)
        {
            builder.Services.AddKeyedSingleton(LiveFeedKeys.Replica, (sp, _) =>
                Started(ActivatorUtilities.CreateInstance<CoverageMonitor>(sp, Hub<DispatchHub, IDispatchClient>(sp, silent: true))));
        }
        else
        {
            builder.Services.AddKeyedSingleton(LiveFeedKeys.Replica, (sp, _) => sp.GetRequiredService<CoverageMonitor>());
        }

        builder.Services.AddKeyedSingleton<ILiveFeed>(LiveFeedKeys.Replica, (sp, _) => ActivatorUtilities.CreateInstance<SignalRLiveFeed>(sp,
            Hub<DispatchHub, IDispatchClient>(sp, azure.Enabled),
            Hub<HospitalHub, IHospitalClient>(sp, azure.Enabled),
            Hub<CrewHub, ICrewClient>(sp, azure.Enabled),
            sp.GetRequiredKeyedService<CoverageMonitor>(LiveFeedKeys.Replica),
            sp.GetRequiredKeyedService<HandoverPublisher>(LiveFeedKeys.Replica)));

        builder.Services.AddLiveFanout();
        return builder;
    }

    /// <summary>
    /// The replica's own background services start with the replica, which is built on the first change from another
    /// node (so a single node never runs them); the container disposes them at shutdown, which stops them.
    /// </summary>
    private static T Started<T>(T service)
        where T : BackgroundService
    {
        _ = service.StartAsync(CancellationToken.None);
        return service;
    }

    private static IHubContext<THub, T> Hub<THub, T>(IServiceProvider services, bool silent)
        where THub : Hub<T>
        where T : class
    {
        var hub = services.GetRequiredService<IHubContext<THub, T>>();
        return silent ? new SilentHubContext<THub, T>(hub) : hub;
    }
}
