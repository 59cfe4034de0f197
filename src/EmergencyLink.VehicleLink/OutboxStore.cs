using EmergencyLink.Domain.Telemetry;
using Microsoft.Data.Sqlite;

namespace EmergencyLink.VehicleLink;

/// <summary>
/// The SQLite outbox file. One connection writes (only the <see cref="OutboxWriter"/> loop uses it), one reads payloads
/// (only the send loop uses it); WAL lets the reader run beside the writer's transactions.
/// </summary>
internal sealed class OutboxStore : IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS channels(channel TEXT PRIMARY KEY, kind INTEGER NOT NULL, last_sequence INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS frames(
            channel TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            case_id TEXT NOT NULL,
            kind INTEGER NOT NULL,
            captured_us INTEGER NOT NULL,
            key_frame INTEGER NOT NULL,
            size INTEGER NOT NULL,
            payload BLOB NOT NULL,
            PRIMARY KEY(channel, sequence));
        """;

    private readonly SqliteConnection writer;
    private readonly SqliteConnection reader;
    private readonly SqliteCommand insertFrame;
    private readonly SqliteCommand upsertChannel;
    private readonly SqliteCommand deleteFrame;
    private readonly SqliteCommand readPayload;

    private OutboxStore(SqliteConnection writer, SqliteConnection reader)
    {
        this.writer = writer;
        this.reader = reader;
        insertFrame = Command(writer, """
            INSERT INTO frames(channel, sequence, case_id, kind, captured_us, key_frame, size, payload)
            VALUES ($channel, $sequence, $case, $kind, $captured, $key, $size, $payload)
            """, "$channel", "$sequence", "$case", "$kind", "$captured", "$key", "$size", "$payload");
        upsertChannel = Command(writer, """
            INSERT INTO channels(channel, kind, last_sequence) VALUES ($channel, $kind, $last)
            ON CONFLICT(channel) DO UPDATE SET last_sequence = excluded.last_sequence
            """, "$channel", "$kind", "$last");
        deleteFrame = Command(writer, "DELETE FROM frames WHERE channel = $channel AND sequence = $sequence", "$channel", "$sequence");
        readPayload = Command(reader, "SELECT payload FROM frames WHERE channel = $channel AND sequence = $sequence", "$channel", "$sequence");
    }

    /// <summary>Opens (or creates) the outbox of <paramref name="vehicleId"/>; refuses another vehicle's file, whose sequences are not ours.</summary>
    public static OutboxStore Open(string path, string vehicleId)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);

        // No pooling: closing must really close the file, so a restarted gateway (or a test's second instance) owns it alone.
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();

        var writer = new SqliteConnection(connectionString);
        SqliteConnection? reader = null;
        try
        {
            writer.Open();

            // WAL: a commit is one append and fsync, and the payload reader never blocks the writer.
            // synchronous=FULL: the WAL is fsynced at every commit, so a committed frame survives the ambulance losing
            // power; NORMAL would only guarantee the file is not corrupt, and could forget the last commits.
            Execute(writer, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;");
            using (var tx = writer.BeginTransaction())
            {
                Execute(writer, Schema, tx);
                using var owner = writer.CreateCommand();
                owner.Transaction = tx;
                owner.CommandText = "INSERT INTO meta(key, value) VALUES ('vehicle', $vehicle) ON CONFLICT(key) DO NOTHING; SELECT value FROM meta WHERE key = 'vehicle'";
                owner.Parameters.AddWithValue("$vehicle", vehicleId);
                var stored = (string?)owner.ExecuteScalar();
                if (!string.Equals(stored, vehicleId, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"The outbox {full} belongs to vehicle {stored}, not {vehicleId}.");
                }

                tx.Commit();
            }

            reader = new SqliteConnection(connectionString);
            reader.Open();
            Execute(reader, "PRAGMA busy_timeout=5000;");
            return new OutboxStore(writer, reader);
        }
        catch
        {
            reader?.Dispose();
            writer.Dispose();
            throw;
        }
    }

    public OutboxContents Load()
    {
        var channels = new Dictionary<string, StoredChannel>(StringComparer.Ordinal);
        using (var command = writer.CreateCommand())
        {
            command.CommandText = "SELECT channel, kind, last_sequence FROM channels";
            using var rows = command.ExecuteReader();
            while (rows.Read())
            {
                channels[rows.GetString(0)] = new StoredChannel((TelemetryKind)rows.GetInt32(1), rows.GetInt64(2));
            }
        }

        var frames = new List<FrameEntry>();
        using (var command = writer.CreateCommand())
        {
            command.CommandText = "SELECT channel, sequence, case_id, kind, captured_us, key_frame, size FROM frames ORDER BY channel, sequence";
            using var rows = command.ExecuteReader();
            while (rows.Read())
            {
                frames.Add(new FrameEntry(
                    rows.GetString(0), rows.GetInt64(1), rows.GetString(2), (TelemetryKind)rows.GetInt32(3),
                    rows.GetInt64(4), rows.GetInt32(6), rows.GetInt64(5) != 0));
            }
        }

        // The counter is the authority, but should it ever trail the frames (it cannot, both are written in one
        // transaction) reusing a sequence would make the server drop a new frame as a duplicate; never go below.
        foreach (var group in frames.GroupBy(f => f.Channel, StringComparer.Ordinal))
        {
            var max = group.Max(f => f.Sequence);
            if (!channels.TryGetValue(group.Key, out var known) || known.LastSequence < max)
            {
                channels[group.Key] = new StoredChannel(group.First().Kind, Math.Max(max, known?.LastSequence ?? 0));
            }
        }

        return new OutboxContents(channels, frames);
    }

    /// <summary>
    /// One transaction: new frames, the channels' new last sequences, and deletions. The counters commit with the
    /// frames that used them, so a sequence handed out is never handed out again, even once its frame is deleted.
    /// </summary>
    public void Commit(IReadOnlyList<(FrameEntry Entry, byte[] Payload)> inserts, IReadOnlyDictionary<string, StoredChannel> channels, IReadOnlyList<FrameKey> deletes)
    {
        using var tx = writer.BeginTransaction();
        insertFrame.Transaction = tx;
        upsertChannel.Transaction = tx;
        deleteFrame.Transaction = tx;
        foreach (var (entry, payload) in inserts)
        {
            var p = insertFrame.Parameters;
            p[0].Value = entry.Channel;
            p[1].Value = entry.Sequence;
            p[2].Value = entry.CaseId;
            p[3].Value = (int)entry.Kind;
            p[4].Value = entry.CapturedAtMicros;
            p[5].Value = entry.KeyFrame ? 1 : 0;
            p[6].Value = entry.Size;
            p[7].Value = payload;
            insertFrame.ExecuteNonQuery();
        }

        foreach (var (channel, stored) in channels)
        {
            var p = upsertChannel.Parameters;
            p[0].Value = channel;
            p[1].Value = (int)stored.Kind;
            p[2].Value = stored.LastSequence;
            upsertChannel.ExecuteNonQuery();
        }

        foreach (var key in deletes)
        {
            deleteFrame.Parameters[0].Value = key.Channel;
            deleteFrame.Parameters[1].Value = key.Sequence;
            deleteFrame.ExecuteNonQuery();
        }

        tx.Commit();
    }

    /// <summary>The payload of a committed frame, or null if its row is gone.</summary>
    public byte[]? ReadPayload(FrameKey key)
    {
        readPayload.Parameters[0].Value = key.Channel;
        readPayload.Parameters[1].Value = key.Sequence;
        return readPayload.ExecuteScalar() as byte[];
    }

    public void Dispose()
    {
        insertFrame.Dispose();
        upsertChannel.Dispose();
        deleteFrame.Dispose();
        readPayload.Dispose();
        reader.Dispose();
        writer.Dispose();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
