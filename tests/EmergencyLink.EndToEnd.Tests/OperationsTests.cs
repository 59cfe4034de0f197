using System.Net;
using EmergencyLink.Consoles.Hosting;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Telemetry;
using EmergencyLink.Security;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyLink.EndToEnd.Tests;

/// <summary>What an operator gets: metrics and traces at their collector, and the Orleans Dashboard for admins.</summary>
public sealed class OperationsTests(OperationsTests.Fixture fixture) : IClassFixture<OperationsTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public TestOpenIdProvider Provider { get; } = new();

        public TestOtlpCollector Collector { get; } = new();

        public ServerProcess Server { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await Task.WhenAll(Provider.StartAsync(), Collector.StartAsync());
            var settings = Provider.ConsoleSettings();
            settings["Observability__OtlpEndpoint"] = Collector.Endpoint.ToString().TrimEnd('/');
            settings["Observability__TraceSampleRatio"] = "1";
            settings["Observability__Dashboard"] = "true";
            // The SDK's own variables: export every half second instead of every minute, so the test need not wait.
            settings["OTEL_METRIC_EXPORT_INTERVAL"] = "500";
            settings["OTEL_BSP_SCHEDULE_DELAY"] = "200";
            Server = new ServerProcess(environment: settings);
            await Server.StartAsync();
        }

        public async Task DisposeAsync()
        {
            await Server.DisposeAsync();
            await Collector.DisposeAsync();
            await Provider.DisposeAsync();
        }
    }

    private readonly ServerProcess server = fixture.Server;
    private readonly TestOtlpCollector collector = fixture.Collector;
    private readonly TestOpenIdProvider provider = fixture.Provider;

    [Fact]
    public async Task Our_metrics_with_aspnet_cores_and_our_traces_reach_the_configured_collector()
    {
        var transport = await TransportingCase.StartAsync(server);
        (await server.Dispatcher().GetJsonAsync($"/api/incidents/{transport.CaseId}/recommendations")).Expect(HttpStatusCode.OK);
        await using var link = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, VehicleLinkProtocol.HubPath),
                o => o.AccessTokenProvider = () => Task.FromResult<string?>(server.Token(Roles.Crew, vehicle: transport.UnitId)))
            .AddMessagePackProtocol()
            .Build();
        await link.StartAsync();
        TelemetryFrame Vitals(long sequence) => new(transport.UnitId, transport.CaseId, "vitals", TelemetryKind.Vitals, sequence,
            (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks / 10, TelemetryCodec.EncodeVitals(new VitalSigns(80, 97, 120, 80, 93, 16, 35, 37)));
        await link.InvokeAsync<UploadAck>(VehicleLinkProtocol.Upload, new[] { Vitals(1), Vitals(3), Vitals(3) });

        foreach (var metric in new[]
                 {
                     "emergencylink.telemetry.frames", "emergencylink.telemetry.frames.missing", "emergencylink.telemetry.capture_to_server",
                     "emergencylink.cases.transitions", "emergencylink.dispatch.recommendations", "http.server.request.duration",
                 })
        {
            Assert.True(await collector.WaitToSeeAsync("metrics", metric, TimeSpan.FromSeconds(20)), $"No export named {metric}.");
        }

        Assert.True(await collector.WaitToSeeAsync("traces", "recommend units", TimeSpan.FromSeconds(20)), "The recommendation's span was not exported.");
    }

    [Fact]
    public async Task The_orleans_dashboard_opens_for_an_admin_signed_in_on_the_consoles_and_for_nobody_else()
    {
        using var anonymous = Browser();
        Assert.Equal("/signin", (await anonymous.GetAsync("/dashboard")).RequestMessage!.RequestUri!.AbsolutePath);

        using var dispatcher = await SignedInAsync(Roles.Dispatcher);
        Assert.NotEqual("/dashboard", (await dispatcher.GetAsync("/dashboard")).RequestMessage!.RequestUri!.AbsolutePath.TrimEnd('/'));

        using var admin = await SignedInAsync(Roles.Admin);
        var dashboard = await admin.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal("/dashboard", dashboard.RequestMessage!.RequestUri!.AbsolutePath.TrimEnd('/'));
        Assert.Contains("<html", await dashboard.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private HttpClient Browser() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true })
    {
        BaseAddress = server.BaseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    private async Task<HttpClient> SignedInAsync(string role)
    {
        provider.NextUser = new Dictionary<string, object> { ["sub"] = $"ops-{role}", ["name"] = $"Ops {role}", ["role"] = role };
        var browser = Browser();
        var landed = await browser.GetAsync(ConsoleAuth.ExternalSignInPath);
        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        return browser;
    }
}
