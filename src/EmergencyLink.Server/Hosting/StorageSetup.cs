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
}
