using System.Text.Json;
using System.Threading.Channels;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Telemetry;
using EmergencyLink.Storage.PostgreSql;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace EmergencyLink.Storage.Telemetry;

/// <summary>
/// The telemetry archive in PostgreSQL, shared by every node of a cluster. It is what makes de-duplication hold
/// across nodes: a vehicle's <c>TelemetryGrain</c> rebuilds its continuity from <see cref="LoadVehicleAsync"/> when it
/// activates, so after its node dies it reactivates elsewhere knowing every acknowledged sequence, and a gateway that
/// reconnects through another node has its resends recognised. The primary key (vehicle, channel, seq) with
/// <c>ON CONFLICT DO NOTHING</c> keeps the first copy even if two activations briefly overlap during a membership change.
/// Stores queue to one writer loop per node that commits what is waiting in one statement (arrays unnested), so a
/// busy node pays one round trip and one WAL flush per batch, not per frame; rows are inserted in key order so two
/// nodes' overlapping batches wait for each other rather than deadlock.
/// </summary>
public sealed class PostgreSqlTelemetryArchive : ITelemetryArchive, IAsyncDisposable
{
    public const string Component = "telemetry_archive";

    /// <summary>Migration steps, applied once each, in order; append, never edit.</summary>
    public static readonly IReadOnlyList<string> Schema =
    [
        """
        CREATE TABLE IF NOT EXISTS telemetry_frames (
            vehicle text NOT NULL,
            channel text NOT NULL,
            seq bigint NOT NULL,
            case_id text NOT NULL,
            kind integer NOT NULL,
            captured bigint NOT NULL,
            received bigint NOT NULL,
            backfilled boolean NOT NULL,
            payload bytea,
            PRIMARY KEY (vehicle, channel, seq));
        CREATE INDEX IF NOT EXISTS telemetry_frames_by_case ON telemetry_frames (case_id, captured);
        CREATE TABLE IF NOT EXISTS telemetry_screens (
            case_id text NOT NULL,
            screen text NOT NULL,
            report text NOT NULL,
            PRIMARY KEY (case_id, screen));
        CREATE TABLE IF NOT EXISTS telemetry_duplicates (
            vehicle text NOT NULL,
            channel text NOT NULL,
            case_id text NOT NULL,
            count bigint NOT NULL,
            PRIMARY KEY (vehicle, channel, case_id));
        """,
    ];

    private const string Columns = "vehicle, channel, seq, case_id, kind, captured, payload";

    private readonly NpgsqlDataSource dataSource;
    private readonly TelemetryArchiveOptions options;
    private readonly ILogger<PostgreSqlTelemetryArchive> logger;
    private readonly Channel<PendingStore> queue = Channel.CreateUnbounded<PendingStore>(new UnboundedChannelOptions { SingleReader = true });
    private Task? schema;
    private readonly Task writer;

    public PostgreSqlTelemetryArchive(NpgsqlDataSource dataSource, TelemetryArchiveOptions options, ILogger<PostgreSqlTelemetryArchive> logger)
    {
        this.dataSource = dataSource;
        this.options = options;
        this.logger = logger;
        writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>
    /// Creates or migrates the tables once. A failed attempt (the database was unreachable) is not remembered: the next
    /// use tries again, so an archive that started before its database recovers with it. Two callers racing here may
    /// both migrate, which the migration's advisory lock makes harmless.
    /// </summary>
    public Task EnsureSchemaAsync()
    {
        var current = Volatile.Read(ref schema);
        if (current is null || current.IsFaulted || current.IsCanceled)
        {
            current = PostgreSqlSchema.MigrateAsync(dataSource, Component, Schema);
            Volatile.Write(ref schema, current);
        }

        return current;
    }

    public Task StoreAsync(IReadOnlyList<ArchiveEntry> entries, IReadOnlyList<DuplicateCount> duplicates)
    {
        if (entries.Count == 0 && duplicates.Count == 0)
        {
            return Task.CompletedTask;
        }

        var pending = new PendingStore(entries, duplicates);
        return queue.Writer.TryWrite(pending) ? pending.Done.Task : Task.FromException(new ObjectDisposedException(nameof(PostgreSqlTelemetryArchive)));
    }

    public async Task<IReadOnlyList<StoredChannel>> LoadVehicleAsync(string vehicleId)
    {
        await using var connection = await OpenAsync();
        Dictionary<string, SequenceSet> held;
        await using (var command = Command(connection, "SELECT channel, seq FROM telemetry_frames WHERE vehicle = @v ORDER BY channel, seq", ("v", vehicleId)))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            held = await ArchiveReads.HeldAsync(reader);
        }

        await using (var command = Command(connection,
            "SELECT channel, SUM(count)::bigint FROM telemetry_duplicates WHERE vehicle = @v GROUP BY channel", ("v", vehicleId)))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            return ArchiveReads.Channels(held, await ArchiveReads.DuplicatesAsync(reader));
        }
    }

    public async Task<IReadOnlyList<TelemetryFrame>> ReadAsync(string caseId, string? channel, long fromMicros, long toMicros, int limit)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, $"""
            SELECT {Columns} FROM telemetry_frames
            WHERE case_id = @c AND captured BETWEEN @from AND @to AND (@ch::text IS NULL OR channel = @ch::text) AND payload IS NOT NULL
            ORDER BY captured, channel, seq LIMIT @limit
            """, ("c", caseId), ("from", fromMicros), ("to", toMicros), ("limit", limit));
        command.Parameters.Add(new NpgsqlParameter("ch", NpgsqlDbType.Text) { Value = (object?)channel ?? DBNull.Value });
        return await ReadFramesAsync(command);
    }

    public async Task<IReadOnlyList<TelemetryFrame>> ReadAfterAsync(string caseId, IReadOnlyDictionary<string, long> after, int limit)
    {
        await using var connection = await OpenAsync();
        var frames = new List<TelemetryFrame>();
        foreach (var (channel, sequence) in after)
        {
            await using var command = Command(connection, $"""
                SELECT {Columns} FROM telemetry_frames
                WHERE case_id = @c AND channel = @ch AND seq > @s AND payload IS NOT NULL ORDER BY seq LIMIT @limit
                """, ("c", caseId), ("ch", channel), ("s", sequence), ("limit", limit - frames.Count));
            frames.AddRange(await ReadFramesAsync(command));
            if (frames.Count >= limit)
            {
                break;
            }
        }

        return frames;
    }

    public async Task<long?> LatestCaptureAsync(string caseId)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, "SELECT MAX(captured) FROM telemetry_frames WHERE case_id = @c", ("c", caseId));
        return await command.ExecuteScalarAsync() is long latest ? latest : null;
    }

    public async Task<IReadOnlyList<ChannelReport>> ReportAsync(string caseId, TimeSpan lateAfter)
    {
        await using var connection = await OpenAsync();
        var rows = new Dictionary<(string Vehicle, string Channel), ChannelRows>();
        await using (var command = Command(connection,
            "SELECT vehicle, channel, kind, seq, captured, received, backfilled FROM telemetry_frames WHERE case_id = @c ORDER BY vehicle, channel, seq",
            ("c", caseId)))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var key = (reader.GetString(0), reader.GetString(1));
                if (!rows.TryGetValue(key, out var channel))
                {
                    rows[key] = channel = new ChannelRows((TelemetryKind)reader.GetInt32(2));
                }

                channel.Add(reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetBoolean(6), (long)lateAfter.TotalMicroseconds);
            }
        }

        var duplicates = new Dictionary<(string, string), long>();
        await using (var command = Command(connection, "SELECT vehicle, channel, count FROM telemetry_duplicates WHERE case_id = @c", ("c", caseId)))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                duplicates[(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
            }
        }

        return rows.Select(r => r.Value.Report(r.Key.Vehicle, r.Key.Channel, duplicates.GetValueOrDefault(r.Key))).ToArray();
    }

    public async Task StoreScreenReportAsync(string caseId, ScreenReport report)
    {
        // Rare (a screen reports every few seconds) and small: its own connection, not the frame writer's queue.
        await using var connection = await OpenAsync();
        await using var command = Command(connection, """
            INSERT INTO telemetry_screens (case_id, screen, report) VALUES (@c, @s, @r)
            ON CONFLICT (case_id, screen) DO UPDATE SET report = excluded.report
            """, ("c", caseId), ("s", report.Screen), ("r", JsonSerializer.Serialize(report)));
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<ScreenReport>> ScreenReportsAsync(string caseId)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, "SELECT report FROM telemetry_screens WHERE case_id = @c ORDER BY screen", ("c", caseId));
        await using var reader = await command.ExecuteReaderAsync();
        var reports = new List<ScreenReport>();
        while (await reader.ReadAsync())
        {
            reports.Add(JsonSerializer.Deserialize<ScreenReport>(reader.GetString(0))!);
        }

        return reports;
    }

    /// <summary>True when the archive's tables answer now; part of the host's readiness.</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync();
            await using var command = Command(connection, "SELECT 1 FROM telemetry_frames LIMIT 0");
            await command.ExecuteNonQueryAsync(cancellationToken);
            return !writer.IsCompleted;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            logger.LogWarning(e, "Telemetry archive is not ready");
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        await EnsureSchemaAsync();
        return await dataSource.OpenConnectionAsync();
    }

    /// <summary>
    /// PostgreSQL aborts a whole transaction on one refused row, so a refused commit is retried store by store: the
    /// store it cannot take fails alone. With the database unreachable every store fails, and its gateway resends.
    /// </summary>
    private Task WriteLoopAsync() =>
        GroupCommit.RunAsync(queue.Reader, options, CommitAsync, e => e is NpgsqlException or InvalidOperationException, logger);

    private async Task CommitAsync(List<PendingStore> batch)
    {
        var entries = batch.SelectMany(p => p.Entries)
            .OrderBy(e => e.Frame.VehicleId, StringComparer.Ordinal).ThenBy(e => e.Frame.Channel, StringComparer.Ordinal)
            .ThenBy(e => e.Frame.Sequence).ToArray();

        // One upsert per key and statement: ON CONFLICT DO UPDATE may not touch a row twice in one command.
        var duplicates = batch.SelectMany(p => p.Duplicates)
            .GroupBy(d => (d.VehicleId, d.Channel, d.CaseId))
            .Select(g => (Key: g.Key, Count: g.Sum(d => d.Count)))
            .OrderBy(d => d.Key.VehicleId, StringComparer.Ordinal).ThenBy(d => d.Key.Channel, StringComparer.Ordinal)
            .ThenBy(d => d.Key.CaseId, StringComparer.Ordinal).ToArray();

        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (entries.Length > 0)
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO telemetry_frames (vehicle, channel, seq, case_id, kind, captured, received, backfilled, payload)
                SELECT * FROM unnest(@v, @ch, @s, @c, @k, @cap, @rec, @b, @p)
                ON CONFLICT DO NOTHING
                """, connection, transaction);
            insert.Parameters.Add(Array("v", NpgsqlDbType.Text, entries.Select(e => e.Frame.VehicleId).ToArray()));
            insert.Parameters.Add(Array("ch", NpgsqlDbType.Text, entries.Select(e => e.Frame.Channel).ToArray()));
            insert.Parameters.Add(Array("s", NpgsqlDbType.Bigint, entries.Select(e => e.Frame.Sequence).ToArray()));
            insert.Parameters.Add(Array("c", NpgsqlDbType.Text, entries.Select(e => e.Frame.CaseId).ToArray()));
            insert.Parameters.Add(Array("k", NpgsqlDbType.Integer, entries.Select(e => (int)e.Frame.Kind).ToArray()));
            insert.Parameters.Add(Array("cap", NpgsqlDbType.Bigint, entries.Select(e => e.Frame.CapturedAtMicros).ToArray()));
            insert.Parameters.Add(Array("rec", NpgsqlDbType.Bigint, entries.Select(e => e.ReceivedMicros).ToArray()));
            insert.Parameters.Add(Array("b", NpgsqlDbType.Boolean, entries.Select(e => e.Backfilled).ToArray()));
            insert.Parameters.Add(Array("p", NpgsqlDbType.Bytea, entries.Select(e => ArchivedPayload.Stored(e.Frame, options.ArchiveVideo)).ToArray()));
            await insert.ExecuteNonQueryAsync();
        }

        if (duplicates.Length > 0)
        {
            await using var count = new NpgsqlCommand("""
                INSERT INTO telemetry_duplicates (vehicle, channel, case_id, count)
                SELECT * FROM unnest(@v, @ch, @c, @n)
                ON CONFLICT (vehicle, channel, case_id) DO UPDATE SET count = telemetry_duplicates.count + excluded.count
                """, connection, transaction);
            count.Parameters.Add(Array("v", NpgsqlDbType.Text, duplicates.Select(d => d.Key.VehicleId).ToArray()));
            count.Parameters.Add(Array("ch", NpgsqlDbType.Text, duplicates.Select(d => d.Key.Channel).ToArray()));
            count.Parameters.Add(Array("c", NpgsqlDbType.Text, duplicates.Select(d => d.Key.CaseId).ToArray()));
            count.Parameters.Add(Array("n", NpgsqlDbType.Bigint, duplicates.Select(d => d.Count).ToArray()));
            await count.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static NpgsqlParameter Array<T>(string name, NpgsqlDbType type, T[] values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values };

    private static async Task<IReadOnlyList<TelemetryFrame>> ReadFramesAsync(NpgsqlCommand command)
    {
        var frames = new List<TelemetryFrame>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var kind = (TelemetryKind)reader.GetInt32(4);
            var payload = ArchivedPayload.Restored(kind, (byte[])reader.GetValue(6));
            frames.Add(new TelemetryFrame(reader.GetString(0), reader.GetString(3), reader.GetString(1), kind, reader.GetInt64(2), reader.GetInt64(5), payload));
        }

        return frames;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
