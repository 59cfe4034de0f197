using EmergencyLink.Handover;
using EmergencyLink.Server.Handovers;

namespace EmergencyLink.Server.Hosting;

/// <summary>The handover document: its inputs, the builder's shared validator, and how it reaches the ED.</summary>
public static class HandoverSetup
{
    public static WebApplicationBuilder AddEmergencyLinkHandover(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<AgencyOptions>(builder.Configuration.GetSection(AgencyOptions.Section));
        builder.Services.AddSingleton<HandoverAssembler>();
        builder.Services.AddSingleton<HandoverDocuments>();
        builder.Services.AddSingleton<HandoverPublisher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HandoverPublisher>());

        // Its first validation unpacks the specification and compiles schemas (seconds): one per process.
        builder.Services.AddSingleton(_ => new HandoverValidator());
        return builder;
    }
}
