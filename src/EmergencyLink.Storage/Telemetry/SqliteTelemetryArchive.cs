using System.Text.Json;
using System.Threading.Channels;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Telemetry;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace EmergencyLink.Storage.Telemetry;

/// <summary>
/// The telemetry archive in its own SQLite file. Durability: WAL with synchronous=FULL; a store completes after its
/// commit reached the disk, which is what lets the server acknowledge a frame and the gateway forget it. Throughput:
/// 25,000 frames/s from a thousand ambulances cannot afford a commit each, so stores queue to one writer loop that
/// commits everything queued so far in one transaction (group commit). ECG is kept compacted
/// (<see cref="EcgCompaction"/>); video payloads only when configured, but every frame's sequence is kept so a
/// resend after a restart is still recognised as a duplicate.
/// Layout: rows (with their payloads) go to a rowid table in arrival order, so a commit appends pages instead of
/// touching a leaf per streaming vehicle; the indexes that find them by sequence and by case hold only small keys.
/// Commits can be made to gather for <see cref="TelemetryArchiveOptions.CommitInterval"/> (viewers got their frames
/// before the store, so the wait delays only the acknowledgement); by default they do not.
/// </summary>
public sealed class SqliteTelemetryArchive : ITelemetryArchive, IAsyncDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS frames (
            vehicle TEXT NOT NULL,
            channel TEXT NOT NULL,
            seq INTEGER NOT NULL,
            case_id TEXT NOT NULL,
            kind INTEGER NOT NULL,
            captured INTEGER NOT NULL,
            received INTEGER NOT NULL,
            backfilled INTEGER NOT NULL,
            payload BLOB
        );
        CREATE UNIQUE INDEX IF NOT EXISTS frames_by_sequence ON frames (vehicle, channel, seq);
        CREATE INDEX IF NOT EXISTS frames_by_case ON frames (case_id, captured);
        CREATE TABLE IF NOT EXISTS screens (
            case_id TEXT NOT NULL,
            screen TEXT NOT NULL,
            report TEXT NOT NULL,
            PRIMARY KEY (case_id, screen)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS duplicates (
            vehicle TEXT NOT NULL,
            channel TEXT NOT NULL,
            case_id TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (vehicle, channel, case_id)
        ) WITHOUT ROWID;
        """;

    private readonly TelemetryArchiveOptions options;
    private readonly ILogger<SqliteTelemetryArchive> logger;
    private readonly string connectionString;
    private readonly Channel<PendingStore> queue = Channel.CreateUnbounded<PendingStore>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task writer;

    public SqliteTelemetryArchive(TelemetryArchiveOptions options, ILogger<SqliteTelemetryArchive> logger)
    {
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            throw new ArgumentException("TelemetryArchiveOptions.Path is required.", nameof(options));
        }

        this.options = options;
        this.logger = logger;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(options.Path))!);
        connectionString = SqliteFiles.ConnectionString(System.IO.Path.GetFullPath(options.Path));
        using (var connection = Open())
        {
            Execute(connection, "PRAGMA journal_mode=WAL;");
            Execute(connection, Schema);
        }

        writer = Task.Run(WriteLoopAsync);
    }

    public Task StoreAsync(IReadOnlyList<ArchiveEntry> entries, IReadOnlyList<DuplicateCount> duplicates)
    {
        if (entries.Count == 0 && duplicates.Count == 0)
        {
            return Task.CompletedTask;
        }

        var pending = new PendingStore(entries, duplicates);
        return queue.Writer.TryWrite(pending) ? pending.Done.Task : Task.FromException(new ObjectDisposedException(nameof(SqliteTelemetryArchive)));
    }

    public async Task<IReadOnlyList<StoredChannel>> LoadVehicleAsync(string vehicleId)
    {
        await using var connection = Open();
        Dictionary<string, SequenceSet> held;
        await using (var command = Command(connection, "SELECT channel, seq FROM frames WHERE vehicle = $v ORDER BY channel, seq", ("$v", vehicleId)))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            held = await ArchiveReads.HeldAsync(reader);
        }

        await using (var command = Command(connection, "SELECT channel, SUM(count) FROM duplicates WHERE vehicle = $v GROUP BY channel", ("$v", vehicleId)))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            return ArchiveReads.Channels(held, await ArchiveReads.DuplicatesAsync(reader));
        }
    }

    public async Task<IReadOnlyList<TelemetryFrame>> ReadAsync(string caseId, string? channel, long fromMicros, long toMicros, int limit)
    {
        await using var connection = Open();
        await using var command = Command(connection, """
            SELECT vehicle, channel, seq, case_id, kind, captured, payload FROM frames
            WHERE case_id = $c AND captured BETWEEN $from AND $to AND ($ch IS NULL OR channel = $ch) AND payload IS NOT NULL
            ORDER BY captured, channel, seq LIMIT $limit
            """, ("$c", caseId), ("$from", fromMicros), ("$to", toMicros), ("$ch", (object?)channel ?? DBNull.Value), ("$limit", limit));
        return await ReadFramesAsync(command);
    }

    public async Task<IReadOnlyList<TelemetryFrame>> ReadAfterAsync(string caseId, IReadOnlyDictionary<string, long> after, int limit)
    {
        await using var connection = Open();
        var frames = new List<TelemetryFrame>();
        foreach (var (channel, sequence) in after)
        {
            await using var command = Command(connection, """
                SELECT vehicle, channel, seq, case_id, kind, captured, payload FROM frames
                WHERE case_id = $c AND channel = $ch AND seq > $s AND payload IS NOT NULL ORDER BY seq LIMIT $limit
                """, ("$c", caseId), ("$ch", channel), ("$s", sequence), ("$limit", limit - frames.Count));
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
        await using var connection = Open();
        await using var command = Command(connection, "SELECT MAX(captured) FROM frames WHERE case_id = $c", ("$c", caseId));
        return await command.ExecuteScalarAsync() is long latest ? latest : null;
    }

    public async Task<IReadOnlyList<ChannelReport>> ReportAsync(string caseId, TimeSpan lateAfter)
    {
        await using var connection = Open();
        var rows = new Dictionary<(string Vehicle, string Channel), ChannelRows>();
        await using (var command = Command(connection,
            "SELECT vehicle, channel, kind, seq, captured, received, backfilled FROM frames WHERE case_id = $c ORDER BY vehicle, channel, seq",
            ("$c", caseId)))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var key = (reader.GetString(0), reader.GetString(1));
                if (!rows.TryGetValue(key, out var channel))
                {
                    rows[key] = channel = new ChannelRows((TelemetryKind)reader.GetInt32(2));
                }

                channel.Add(reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6) != 0, (long)lateAfter.TotalMicroseconds);
            }
        }

        var duplicates = new Dictionary<(string, string), long>();
        await using (var command = Command(connection, "SELECT vehicle, channel, count FROM duplicates WHERE case_id = $c", ("$c", caseId)))
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
        await using var connection = Open();
        await using var command = Command(connection,
            "INSERT INTO screens (case_id, screen, report) VALUES ($c, $s, $r) ON CONFLICT (case_id, screen) DO UPDATE SET report = excluded.report",
            ("$c", caseId), ("$s", report.Screen), ("$r", JsonSerializer.Serialize(report)));
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<ScreenReport>> ScreenReportsAsync(string caseId)
    {
        await using var connection = Open();
        await using var command = Command(connection, "SELECT report FROM screens WHERE case_id = $c ORDER BY screen", ("$c", caseId));
        await using var reader = await command.ExecuteReaderAsync();
        var reports = new List<ScreenReport>();
        while (await reader.ReadAsync())
        {
            reports.Add(JsonSerializer.Deserialize<ScreenReport>(reader.GetString(0))!);
        }

        return reports;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer;
    }

    /// <summary>
    /// Group commit: whatever queued while the previous commit was on its way to the disk goes into the next one (one
    /// fsync for all of it), in queue order, and each store completes when the commit holding it is durable. A commit that
    /// fails is taken again store by store, each in its own transaction, so that one store the database refuses fails
    /// alone (its caller does not acknowledge it) and the others it shared a commit with still become durable.
    /// </summary>
    private async Task WriteLoopAsync()
    {
        await using var connection = Open();
        Execute(connection, "PRAGMA synchronous=FULL;");

        // Index pages of a few hours of a busy region stay in memory instead of being read back per insert.
        Execute(connection, "PRAGMA cache_size=-65536;");
        using var statements = new WriteStatements(connection);
        await GroupCommit.RunAsync(queue.Reader, options, batch =>
        {
            Commit(connection, statements, batch);
            return Task.CompletedTask;
        }, e => e is SqliteException or InvalidOperationException, logger);
    }

    private void Commit(SqliteConnection connection, WriteStatements statements, List<PendingStore> batch)
    {
        using var transaction = connection.BeginTransaction();
        var (insert, p) = (statements.Insert, statements.InsertParameters);
        var (count, q) = (statements.Count, statements.CountParameters);
        insert.Transaction = transaction;
        count.Transaction = transaction;
        foreach (var pending in batch)
        {
            foreach (var (frame, received, backfilled) in pending.Entries)
            {
                (p[0].Value, p[1].Value, p[2].Value, p[3].Value) = (frame.VehicleId, frame.Channel, frame.Sequence, frame.CaseId);
                (p[4].Value, p[5].Value, p[6].Value, p[7].Value) = ((int)frame.Kind, frame.CapturedAtMicros, received, backfilled ? 1 : 0);
                p[8].Value = StoredPayload(frame) is { } payload ? payload : DBNull.Value;
                insert.ExecuteNonQuery();
            }

            foreach (var d in pending.Duplicates)
            {
                (q[0].Value, q[1].Value, q[2].Value, q[3].Value) = (d.VehicleId, d.Channel, d.CaseId, d.Count);
                count.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    private byte[]? StoredPayload(TelemetryFrame frame) => ArchivedPayload.Stored(frame, options.ArchiveVideo);

    private static async Task<IReadOnlyList<TelemetryFrame>> ReadFramesAsync(SqliteCommand command)
    {
        var frames = new List<TelemetryFrame>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var kind = (TelemetryKind)reader.GetInt32(4);
            var stored = (byte[])reader.GetValue(6);
            var payload = ArchivedPayload.Restored(kind, stored);
            frames.Add(new TelemetryFrame(reader.GetString(0), reader.GetString(3), reader.GetString(1), kind, reader.GetInt64(2), reader.GetInt64(5), payload));
        }

        return frames;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
