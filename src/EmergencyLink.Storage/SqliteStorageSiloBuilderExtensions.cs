using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace EmergencyLink.Storage;

public static class SqliteStorageSiloBuilderExtensions
{
    public static ISiloBuilder AddSqliteGrainStorageAsDefault(this ISiloBuilder builder, Action<SqliteGrainStorageOptions> configure) =>
        builder.AddSqliteGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configure);

    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, Action<SqliteGrainStorageOptions> configure)
    {
        var options = new SqliteGrainStorageOptions();
        configure(options);
        builder.Services.AddGrainStorage(name, (services, providerName) => new SqliteGrainStorage(
            providerName,
            options,
            services.GetRequiredService<ILogger<SqliteGrainStorage>>(),
            services.GetService<TimeProvider>() ?? TimeProvider.System));
        return builder;
    }
}
