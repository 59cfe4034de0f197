using EmergencyLink.Storage.Reminders;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace EmergencyLink.Storage.Tests;

/// <summary>A fresh database on the test run's private PostgreSQL; every table opened shares it, as a cluster's nodes do.</summary>
public sealed class PostgreSqlReminderTableHarness(LocalPostgres postgres) : ReminderTableHarness
{
    private readonly List<NpgsqlDataSource> sources = [];

    public string ConnectionString { get; } = postgres.CreateDatabase("reminders");

    public override SqlReminderTable Open(string serviceId)
    {
        var source = NpgsqlDataSource.Create(ConnectionString);
        sources.Add(source);
        return new PostgreSqlReminderTable(source, serviceId, NullLogger<PostgreSqlReminderTable>.Instance);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var source in sources)
        {
            await source.DisposeAsync();
        }
    }
}
