using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmergencyLink.Ehr;

public static class EhrServiceCollectionExtensions
{
    /// <summary>
    /// The push of a single server: its own outbox file, every hospital sent from here. Settings are bound from
    /// <paramref name="section"/> (the <c>Ehr</c> section).
    /// </summary>
    /// <param name="outboxPath">The outbox file, already resolved by the host (it knows where its data lives).</param>
    public static IServiceCollection AddEhrPush(this IServiceCollection services, IConfiguration section, string outboxPath)
    {
        services.AddOptions<EhrOptions>()
            .Bind(section)
            .PostConfigure(o => o.OutboxPath = outboxPath);
        services.TryAddSingleton<IEhrOutbox>(sp => SqliteEhrOutbox.Open(
            sp.GetRequiredService<IOptions<EhrOptions>>().Value.OutboxPath, sp.GetRequiredService<ILogger<SqliteEhrOutbox>>()));
        services.TryAddSingleton<IEhrSenderElection, SingleServerSenderElection>();
        return services.AddEhrPushService();
    }

    /// <summary>
    /// The push of a cluster node: the outbox in the PostgreSQL database every node shares (its tables created at
    /// first use), and each hospital sent by whichever node the election makes its sender.
    /// </summary>
    /// <param name="migrate">The shared schema migration (<c>PostgreSqlSchema.MigrateAsync</c>).</param>
    public static IServiceCollection AddEhrPushOnPostgreSql(
        this IServiceCollection services, IConfiguration section, string connectionString, PostgreSqlMigration migrate)
    {
        services.AddOptions<EhrOptions>().Bind(section);
        services.TryAddSingleton<IEhrOutbox>(_ => PostgreSqlEhrOutbox.Open(connectionString, migrate));
        services.TryAddSingleton<IEhrSenderElection>(sp => new PostgreSqlSenderElection(
            connectionString, sp.GetRequiredService<IOptions<EhrOptions>>().Value.SenderPollInterval,
            sp.GetRequiredService<ILogger<PostgreSqlSenderElection>>()));
        return services.AddEhrPushService();
    }

    /// <summary>
    /// The hosted sender (also <see cref="IEhrPush"/>) and its HTTP client. A <see cref="TimeProvider"/> registered
    /// earlier (a test's fake clock) is kept. The settings are checked when the service is made, at start-up, naming
    /// every fault.
    /// </summary>
    private static IServiceCollection AddEhrPushService(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);

        // The attempt's timeout is the sender's own (on the TimeProvider), so the client's is off. Redirects are not
        // followed: a POST redirected to a GET would "succeed" without delivering anything.
        services.AddHttpClient(EhrSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.TryAddSingleton<EhrPushService>();
        services.TryAddSingleton<IEhrPush>(sp => sp.GetRequiredService<EhrPushService>());
        services.AddHostedService(sp => sp.GetRequiredService<EhrPushService>());
        return services;
    }
}
