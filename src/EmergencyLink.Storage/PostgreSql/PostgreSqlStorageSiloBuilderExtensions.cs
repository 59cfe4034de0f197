using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Providers;
using Orleans.Runtime.Hosting;

namespace EmergencyLink.Storage.PostgreSql;

public static class PostgreSqlStorageSiloBuilderExtensions
{
    /// <summary>Grain state in PostgreSQL through the <see cref="NpgsqlDataSource"/> registered in the container.</summary>
    public static ISiloBuilder AddPostgreSqlGrainStorageAsDefault(this ISiloBuilder builder, Action<PostgreSqlGrainStorageOptions> configure)
    {
        var options = new PostgreSqlGrainStorageOptions();
        configure(options);
        builder.Services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (services, providerName) => new PostgreSqlGrainStorage(
            providerName,
            services.GetRequiredService<NpgsqlDataSource>(),
            options,
            services.GetRequiredService<ILogger<PostgreSqlGrainStorage>>(),
            services.GetService<TimeProvider>() ?? TimeProvider.System));
        return builder;
    }
}
