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
