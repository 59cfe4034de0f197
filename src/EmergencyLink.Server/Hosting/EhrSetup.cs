using EmergencyLink.Ehr;
using EmergencyLink.Storage.PostgreSql;

namespace EmergencyLink.Server.Hosting;

public static class EhrSetup
{
    /// <summary>The outbox's file name when <c>Ehr:OutboxPath</c> is not set: beside the server's database.</summary>
    public const string DefaultOutboxFileName = "ehr-outbox.db";

    /// <summary>
    /// Handover documents pushed to the hospitals that have an EHR configured (<c>Ehr</c> section): <see cref="IEhrPush"/>
    /// for producers, the hosted sender, its outbox. Where the outbox lives follows <c>Storage:Provider</c>:
    /// with SQLite it is a file beside the database unless configured (<c>Ehr:OutboxPath</c>), so it moves with the
    /// data and a restarted server resumes its pending documents. In a cluster (<c>PostgreSql</c>) it is in the shared
    /// database: a document queued on a node that dies is delivered by another, one case's versions queued through
    /// different nodes form one ordered queue, and one node at a time sends for each hospital (an advisory lock per
    /// hospital, taken over within <c>Ehr:SenderPollInterval</c> once its holder's session is gone). Every node
    /// reports the same status.
    /// </summary>
    public static WebApplicationBuilder AddEhrPush(this WebApplicationBuilder builder, string storagePath)
    {
        var section = builder.Configuration.GetSection(EhrOptions.Section);
        var storage = builder.StorageSettings();
        if (storage.Provider == StorageProvider.PostgreSql)
        {
            builder.Services.AddEhrPushOnPostgreSql(section, StorageSetup.PostgreSqlConnectionString(storage), PostgreSqlSchema.MigrateAsync);
            return builder;
        }

        var configured = section[nameof(EhrOptions.OutboxPath)];
        var outboxPath = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Path.GetDirectoryName(storagePath)!, DefaultOutboxFileName)
            : Path.GetFullPath(configured, builder.Environment.ContentRootPath);
        builder.Services.AddEhrPush(section, outboxPath);
        return builder;
    }
}
