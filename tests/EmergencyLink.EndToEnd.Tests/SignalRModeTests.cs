using EmergencyLink.Grains;
using EmergencyLink.Grains.Live;
using EmergencyLink.Server.Hosting;
using EmergencyLink.Server.Hubs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyLink.EndToEnd.Tests;

/// <summary>
/// The SignalR wiring chosen by configuration. The Azure SignalR emulator serves only serverless mode, so no test here
/// can run the hubs through the service; these check what the host is built with.
/// </summary>
public sealed class SignalRModeTests
{
    // The documented sample form; the host never dials it in these tests (nothing is started).
    private const string BogusConnectionString =
        "Endpoint=https://emergencylink-test.service.signalr.net;AccessKey=ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnop==;Version=1.0;";

    private static IServiceCollection Services(string? connectionString)
    {
        var builder = WebApplication.CreateBuilder();
        if (connectionString is not null)
        {
            builder.Configuration["Azure:SignalR:ConnectionString"] = connectionString;
        }

        builder.AddEmergencyLinkLiveFeed();

        // As the API's setup does after it: SignalR's own registrations must not undo the service's.
        builder.Services.AddSignalR();
        return builder.Services;
    }

    private static Type LifetimeManager(IServiceCollection services) =>
        services.Last(d => d.ServiceType == typeof(HubLifetimeManager<>)).ImplementationType!;

    [Fact]
    public void With_an_azure_signalr_connection_string_every_hub_goes_through_the_service()
    {
        var services = Services(BogusConnectionString);

        Assert.Equal("Microsoft.Azure.SignalR", LifetimeManager(services).Assembly.GetName().Name);
        using var provider = services.BuildServiceProvider();
        var manager = provider.GetRequiredService<HubLifetimeManager<HospitalHub>>();
        Assert.Equal("Microsoft.Azure.SignalR", manager.GetType().Assembly.GetName().Name);
    }

    [Fact]
    public void Without_a_connection_string_the_hubs_stay_self_hosted()
    {
        var services = Services(null);

        Assert.Equal(typeof(DefaultHubLifetimeManager<>), LifetimeManager(services));
        Assert.DoesNotContain(services, d => d.ServiceType.Assembly.GetName().Name == "Microsoft.Azure.SignalR");
    }

    [Fact]
    public void Grains_call_the_fan_out_in_both_modes()
    {
        foreach (var connectionString in new[] { null, BogusConnectionString })
        {
            var feed = Services(connectionString).Last(d => d.ServiceType == typeof(ILiveFeed) && !d.IsKeyedService);
            Assert.Equal(typeof(LiveFanoutFeed), feed.ImplementationType);
        }
    }
}
