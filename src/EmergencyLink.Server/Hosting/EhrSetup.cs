using EmergencyLink.Ehr;

namespace EmergencyLink.Server.Hosting;

public static class EhrSetup
{
    /// <summary>The outbox's file name when <c>Ehr:OutboxPath</c> is not set: beside the server's database.</summary>
    public const string DefaultOutboxFileName = "ehr-outbox.db";

    /// <summary>
    /// Handover documents pushed to the hospitals that have an EHR configured (<c>Ehr</c> section): <see cref="IEhrPush"/>
    /// for producers, the hosted sender, its outbox. The outbox lives beside the database unless configured, so it
    /// moves with the data and a restarted server resumes its pending documents.
    /// In a cluster (<c>Storage:Provider=PostgreSql</c>) it is still one file per node, which is safe only as far as
    /// each node keeps its disk: documents queued on a node that never comes back are stranded, and one case's versions
    /// queued on two nodes (its grain moved) are not ordered against each other. A shared outbox with one sender per
    /// hospital is issue 8's remaining work.
    /// </summary>
    public static WebApplicationBuilder AddEhrPush(this WebApplicationBuilder builder, string storagePath)
    {
        var section = builder.Configuration.GetSection(EhrOptions.Section);
        var configured = section[nameof(EhrOptions.OutboxPath)];
        var outboxPath = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Path.GetDirectoryName(storagePath)!, DefaultOutboxFileName)
            : Path.GetFullPath(configured, builder.Environment.ContentRootPath);
        builder.Services.AddEhrPush(section, outboxPath);
        return builder;
    }
}
