using System.Data.Common;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace EmergencyLink.Storage.Reminders;

/// <summary>
/// Orleans reminders in the project's own database: one row per (service, grain, reminder name), with the grain's
/// uniform hash beside it because each silo's reminder service reads the slice of the hash ring it owns.
/// ETags follow Orleans' own in-memory table: an upsert always wins and gets a fresh ETag; a removal names the ETag it
/// read and removes nothing if the row has moved on. The ETag is a new GUID per upsert, not a counter, so a row removed
/// and registered again never takes back an ETag a stale removal could still hold.
/// The SQL is the subset SQLite and PostgreSQL both speak; a provider supplies connections, schema and timestamps.
/// </summary>
public abstract class SqlReminderTable : IReminderTable
{
    private const string Columns = "grain_id, reminder_name, start_utc, period_ticks, etag";
    private const string Key = "service_id = @service AND grain_id = @grain AND reminder_name = @name";

    private readonly SemaphoreSlim startLock = new(1, 1);
    private volatile bool started;

    protected SqlReminderTable(string serviceId, ILogger logger)
    {
        ServiceId = string.IsNullOrWhiteSpace(serviceId)
            ? throw new ArgumentException("A service id is required: it keeps services sharing one database apart.", nameof(serviceId))
            : serviceId;
        Logger = logger;
    }

    /// <summary>The Orleans service whose reminders this table reads and writes.</summary>
    public string ServiceId { get; }

    protected ILogger Logger { get; }

    /// <summary>Where the reminders live, for the logs.</summary>
    protected abstract string Location { get; }

    /// <summary>Creates the schema at start (the reminder service starts the table before using it, tests may not).</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (started)
        {
            return;
        }

        await startLock.WaitAsync(cancellationToken);
        try
        {
            if (!started)
            {
                await CreateSchemaAsync(cancellationToken);
                started = true;
                Logger.LogInformation("Reminder table for service {Service} on {Location}", ServiceId, Location);
            }
        }
        finally
        {
            startLock.Release();
        }
    }

    public Task Init() => StartAsync();

    public async Task<ReminderTableData> ReadRows(GrainId grainId)
    {
        await StartAsync();
        return new ReminderTableData(await QueryAsync(
            $"SELECT {Columns} FROM reminders WHERE service_id = @service AND grain_id = @grain;",
            command => Add(command, "@grain", grainId.ToString())));
    }

    /// <summary>
    /// The rows whose grain hash is in (begin, end]; when begin is not below end the range wraps past the top of the
    /// ring: hash above begin or at most end (so begin == end is the whole ring, as a single silo owns it).
    /// </summary>
    public async Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        await StartAsync();
        var range = begin < end ? "grain_hash > @begin AND grain_hash <= @end" : "(grain_hash > @begin OR grain_hash <= @end)";
        return new ReminderTableData(await QueryAsync(
            $"SELECT {Columns} FROM reminders WHERE service_id = @service AND {range};",
            command =>
            {
                Add(command, "@begin", (long)begin);
                Add(command, "@end", (long)end);
            }));
    }

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        await StartAsync();
        var rows = await QueryAsync($"SELECT {Columns} FROM reminders WHERE {Key};", command =>
        {
            Add(command, "@grain", grainId.ToString());
            Add(command, "@name", reminderName);
        });

        // Orleans' own tables answer a missing reminder with null, and the reminder service relies on that.
        return rows.SingleOrDefault();
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await StartAsync();
        var etag = Guid.NewGuid().ToString("N");
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO reminders (service_id, grain_id, reminder_name, grain_hash, start_utc, period_ticks, etag)
            VALUES (@service, @grain, @name, @hash, @start, @period, @etag)
            ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
            SET grain_hash = excluded.grain_hash, start_utc = excluded.start_utc, period_ticks = excluded.period_ticks, etag = excluded.etag;
            """;
        Add(command, "@service", ServiceId);
        Add(command, "@grain", entry.GrainId.ToString());
        Add(command, "@name", entry.ReminderName);
        Add(command, "@hash", (long)entry.GrainId.GetUniformHashCode());
        Add(command, "@start", Timestamp(ToUtc(entry.StartAt)));
        Add(command, "@period", entry.Period.Ticks);
        Add(command, "@etag", etag);
        await command.ExecuteNonQueryAsync();
        return etag;
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        await StartAsync();
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM reminders WHERE {Key} AND etag = @etag;";
        Add(command, "@service", ServiceId);
        Add(command, "@grain", grainId.ToString());
        Add(command, "@name", reminderName);
        Add(command, "@etag", eTag ?? "");
        return await command.ExecuteNonQueryAsync() > 0;
    }

    public async Task TestOnlyClearTable()
    {
        await StartAsync();
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM reminders WHERE service_id = @service;";
        Add(command, "@service", ServiceId);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A connection, pooled by the provider.</summary>
    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Creates or migrates the <c>reminders</c> table.</summary>
    protected abstract Task CreateSchemaAsync(CancellationToken cancellationToken);

    /// <summary>How a UTC time is stored.</summary>
    protected abstract object Timestamp(DateTime utc);

    /// <summary>A stored time, read back as UTC.</summary>
    protected abstract DateTime ReadTimestamp(DbDataReader reader, int ordinal);

    private static DateTime ToUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private async Task<List<ReminderEntry>> QueryAsync(string sql, Action<DbCommand> bind)
    {
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Add(command, "@service", ServiceId);
        bind(command);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<ReminderEntry>();
        while (await reader.ReadAsync())
        {
            rows.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = ReadTimestamp(reader, 2),
                Period = TimeSpan.FromTicks(reader.GetInt64(3)),
                ETag = reader.GetString(4),
            });
        }

        return rows;
    }
}
