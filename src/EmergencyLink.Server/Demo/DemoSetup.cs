namespace EmergencyLink.Server.Demo;

public static class DemoSetup
{
    /// <summary>Binds <see cref="DemoOptions"/> and, only when <c>Demo:Enabled</c>, runs the demo beside the host.</summary>
    public static WebApplicationBuilder AddEmergencyLinkDemo(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));
        if (builder.Configuration.GetValue<bool>($"{DemoOptions.Section}:{nameof(DemoOptions.Enabled)}"))
        {
            builder.Services.AddSingleton<DemoDriver>();
            builder.Services.AddSingleton<DemoCaseRunner>();
            builder.Services.AddHostedService<DemoService>();
        }

        return builder;
    }
}
