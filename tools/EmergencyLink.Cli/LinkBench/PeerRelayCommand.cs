using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmergencyLink.Cli.LinkBench;

/// <summary>
/// <c>bench-link-peer</c>: the lower bound for this stack, to set beside the server in <c>tools/bench-link.sh</c>. A
/// bare Kestrel with the two SignalR hubs a fleet benchmark talks to (MessagePack, the same paths, methods and
/// message records), relaying each upload to the watching screen and acknowledging it. What the server does beyond
/// that (tokens, the case check, de-duplication, continuity, the grain call, the durable archive, live analysis) is
/// what the ratio between the two measures.
/// </summary>
public static class PeerRelayCommand
{
    public const string Usage = "bench-link-peer --urls http://127.0.0.1:PORT";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Commands.ArgReader(args, "urls");
        var urls = options.Get("urls") ?? throw new ArgumentException("--urls is required.");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(urls);

        // The same receive limit as the server's vehicle hub, so a video frame is taken by both.
        builder.Services.AddSignalR().AddMessagePackProtocol().AddHubOptions<PeerVehicleHub>(o => o.MaximumReceiveMessageSize = 16 << 20);
        await using var app = builder.Build();
        app.MapGet("/healthz", () => "ok");
        app.MapHub<PeerVehicleHub>(Contracts.Telemetry.VehicleLinkProtocol.HubPath);
        app.MapHub<PeerHospitalHub>("/hubs/hospital");
        await app.RunAsync();
        return 0;
    }
}
