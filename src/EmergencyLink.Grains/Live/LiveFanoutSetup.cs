using Microsoft.Extensions.DependencyInjection;

namespace EmergencyLink.Grains.Live;

public static class LiveFanoutSetup
{
    /// <summary>
    /// Makes <see cref="ILiveFeed"/> the fan-out. The host registers the keyed <see cref="LiveFeedKeys.Origin"/> and
    /// <see cref="LiveFeedKeys.Replica"/> feeds and configures <see cref="LiveFanoutOptions"/>.
    /// </summary>
    public static IServiceCollection AddLiveFanout(this IServiceCollection services)
    {
        services.AddOptions<LiveFanoutOptions>();
        services.AddSingleton<LiveFanout>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<LiveFanout>());
        services.AddSingleton<ILiveFeed, LiveFanoutFeed>();
        return services;
    }
}
