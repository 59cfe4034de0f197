using EmergencyLink.Security;

namespace EmergencyLink.Server.Hosting;

public static class StorageSetup
{
    /// <summary>Resolves <c>Storage:Path</c> once, so the silo, the signing key and the logs agree on one file.</summary>
    public static string ResolveStoragePath(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>()?.Path;
        var path = string.IsNullOrWhiteSpace(configured)
            ? StoragePaths.DefaultFor(builder.Environment.ContentRootPath)
            : Path.GetFullPath(configured, builder.Environment.ContentRootPath);
        builder.Services.Configure<StorageOptions>(o => o.Path = path);
        return path;
    }

    /// <summary>The configured PostgreSQL connection string; a clear start-up error when the provider needs one and it is missing.</summary>
    public static string PostgreSqlConnectionString(StorageOptions storage) =>
        string.IsNullOrWhiteSpace(storage.PostgreSql.ConnectionString)
            ? throw new InvalidOperationException("Storage:Provider is PostgreSql but Storage:PostgreSql:ConnectionString is empty.")
            : storage.PostgreSql.ConnectionString;

    public static StorageOptions StorageSettings(this WebApplicationBuilder builder) =>
        builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
}
