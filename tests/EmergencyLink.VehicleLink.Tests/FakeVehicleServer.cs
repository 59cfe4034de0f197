using System.Net;
using EmergencyLink.Contracts.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EmergencyLink.VehicleLink.Tests;

/// <summary>
/// A Kestrel server on 127.0.0.1 with the fake vehicle hub (SignalR, MessagePack). It can be stopped and started
/// again on the same port, keeping what it holds, which is how a coverage hole looks from the gateway.
/// </summary>
public sealed class FakeVehicleServer : IAsyncDisposable
{
    private WebApplication? app;

    public FakeHubState State { get; } = new();

    public int Port { get; private set; }

    public Uri Url => new($"http://127.0.0.1:{Port}");

    public static async Task<FakeVehicleServer> StartNewAsync()
    {
        var server = new FakeVehicleServer();
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, Port));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        builder.Services.AddSingleton(State);
        builder.Services
            .AddSignalR(o =>
            {
                o.MaximumReceiveMessageSize = 4 * 1024 * 1024;
                o.EnableDetailedErrors = true;
            })
            .AddMessagePackProtocol();
        var started = builder.Build();
        started.MapHub<FakeVehicleHub>(VehicleLinkProtocol.HubPath);
        await started.StartAsync();
        if (Port == 0)
        {
            var address = started.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            Port = new Uri(address).Port;
        }

        app = started;
    }

    public async Task StopAsync()
    {
        if (app is { } running)
        {
            app = null;
            await running.StopAsync();
            await running.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
