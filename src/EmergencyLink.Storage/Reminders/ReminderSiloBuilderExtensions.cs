using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace EmergencyLink.Storage.Reminders;

public static class ReminderSiloBuilderExtensions
{
    /// <summary>Orleans reminders, kept in a SQLite file (single node).</summary>
    public static ISiloBuilder UseSqliteReminders(this ISiloBuilder builder, Action<SqliteReminderTableOptions> configure)
    {
        var options = new SqliteReminderTableOptions();
        configure(options);
        builder.AddReminders();
        builder.Services.AddSingleton<IReminderTable>(services => new SqliteReminderTable(
            options, services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId, services.GetRequiredService<ILogger<SqliteReminderTable>>()));
        return builder;
    }

    /// <summary>Orleans reminders in PostgreSQL through the <see cref="NpgsqlDataSource"/> registered in the container.</summary>
    public static ISiloBuilder UsePostgreSqlReminders(this ISiloBuilder builder)
    {
        builder.AddReminders();
        builder.Services.AddSingleton<IReminderTable>(services => new PostgreSqlReminderTable(
            services.GetRequiredService<NpgsqlDataSource>(), services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            services.GetRequiredService<ILogger<PostgreSqlReminderTable>>()));
        return builder;
    }
}
