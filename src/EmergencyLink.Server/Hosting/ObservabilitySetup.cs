using EmergencyLink.Consoles.Hosting;
using EmergencyLink.Grains;
using EmergencyLink.Security;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Dashboard;

namespace EmergencyLink.Server.Hosting;

public static class ObservabilitySetup
{
    /// <summary>Who may open the Orleans Dashboard: admins, signed in on the consoles (a browser sends no bearer token).</summary>
    public const string DashboardPolicy = "operations-dashboard";

    /// <summary>
    /// Our metrics always (they cost nothing unheard); OpenTelemetry export of them, ASP.NET Core's, the runtime's and
    /// Orleans' with traces, only when a collector is configured; the Orleans Dashboard unless turned off.
    /// </summary>
    public static WebApplicationBuilder AddEmergencyLinkObservability(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ObservabilityOptions.Section).Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        builder.Services.Configure<ObservabilityOptions>(builder.Configuration.GetSection(ObservabilityOptions.Section));
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<EmergencyLinkMetrics>();
        builder.UseOrleans(orleans =>
        {
            orleans.AddActivityPropagation();
            if (options.Dashboard)
            {
                orleans.AddDashboard();
            }
        });

        if (options.Dashboard)
        {
            builder.Services.AddAuthorizationBuilder().AddPolicy(DashboardPolicy, p => p
                .AddAuthenticationSchemes(ConsoleAuth.Scheme)
                .RequireRole(Roles.Admin));
        }

        var endpoint = string.IsNullOrWhiteSpace(options.OtlpEndpoint) ? null : new Uri(options.OtlpEndpoint);
        var standardEndpoint = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (endpoint is null && !standardEndpoint)
        {
            return builder;
        }

        var ratio = Math.Clamp(options.TraceSampleRatio, 0, 1);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName, serviceInstanceId: InstanceId(builder)))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Microsoft.Orleans")
                .AddMeter(EmergencyLinkMetrics.MeterName))
            .WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(ratio)))
                .AddAspNetCoreInstrumentation()
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                .AddSource(EmergencyLinkMetrics.MeterName));
        if (endpoint is not null)
        {
            var protocol = options.OtlpProtocol.Equals("grpc", StringComparison.OrdinalIgnoreCase)
                ? OtlpExportProtocol.Grpc
                : OtlpExportProtocol.HttpProtobuf;
            telemetry.UseOtlpExporter(protocol, endpoint);
        }
        else
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>The Orleans Dashboard at its path, for admins only.</summary>
    public static WebApplication MapEmergencyLinkDashboard(this WebApplication app)
    {
        var options = app.Configuration.GetSection(ObservabilityOptions.Section).Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        if (options.Dashboard)
        {
            app.MapOrleansDashboard(options.DashboardPath).RequireAuthorization(DashboardPolicy);
        }

        return app;
    }

    /// <summary>One node of several on a machine is told apart by its silo port.</summary>
    private static string InstanceId(WebApplicationBuilder builder) =>
        $"{Environment.MachineName}:{builder.Configuration[$"{SiloOptions.Section}:SiloPort"] ?? "11111"}";
}
