using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmergencyLink.Ehr;

public static class EhrServiceCollectionExtensions
{
    /// <summary>
    /// The outbox, the hosted sender (also <see cref="IEhrPush"/>) and its HTTP client, with settings bound from
    /// <paramref name="section"/> (the <c>Ehr</c> section). A <see cref="TimeProvider"/> registered earlier (a test's
    /// fake clock) is kept. The settings are checked when the service is made, at start-up, naming every fault.
    /// </summary>
    /// <param name="outboxPath">The outbox file, already resolved by the host (it knows where its data lives).</param>
    public static IServiceCollection AddEhrPush(this IServiceCollection services, IConfiguration section, string outboxPath)
    {
        services.AddOptions<EhrOptions>()
            .Bind(section)
            .PostConfigure(o => o.OutboxPath = outboxPath);
        services.TryAddSingleton(TimeProvider.System);

        // The attempt's timeout is the sender's own (on the TimeProvider), so the client's is off. Redirects are not
        // followed: a POST redirected to a GET would "succeed" without delivering anything.
        services.AddHttpClient(EhrSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.TryAddSingleton(sp => EhrOutbox.Open(
            sp.GetRequiredService<IOptions<EhrOptions>>().Value.OutboxPath, sp.GetRequiredService<ILogger<EhrOutbox>>()));
        services.TryAddSingleton<EhrPushService>();
        services.TryAddSingleton<IEhrPush>(sp => sp.GetRequiredService<EhrPushService>());
        services.AddHostedService(sp => sp.GetRequiredService<EhrPushService>());
        return services;
    }
}
