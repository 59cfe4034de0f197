using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace EmergencyLink.Ehr;

/// <summary>
/// The durable queue of handover documents of a single server, one SQLite file. A document is written (and fsynced: WAL with
/// synchronous=FULL) before its enqueue returns, and leaves <c>pending</c> only when the receiver acknowledged it
/// (trimmed) or refused it for good (moved to <c>rejected</c>), so a crash or restart at any point loses nothing.
/// All writes go through one writer loop that commits whatever is waiting in one transaction (group commit): a burst
/// of updates pays one fsync. Reads use a second connection, which WAL lets run beside the writer.
/// </summary>
public sealed class SqliteEhrOutbox : IEhrOutbox, IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS pending(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            hospital TEXT NOT NULL,
            case_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            reason TEXT NOT NULL,
            bundle TEXT NOT NULL,
            enqueued_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            UNIQUE(hospital, case_id, version));
        CREATE INDEX IF NOT EXISTS pending_by_hospital ON pending(hospital, id);
        CREATE TABLE IF NOT EXISTS rejected(
            id INTEGER PRIMARY KEY,
            hospital TEXT NOT NULL,
            case_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            reason TEXT NOT NULL,
            bundle TEXT NOT NULL,
            enqueued_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL,
            status_code INTEGER NOT NULL,
            outcome TEXT NOT NULL,
            rejected_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS rejected_by_hospital ON rejected(hospital, id);
        CREATE TABLE IF NOT EXISTS versions(
            hospital TEXT NOT NULL,
            case_id TEXT NOT NULL,
            last_version INTEGER NOT NULL,
            PRIMARY KEY(hospital, case_id));
        CREATE TABLE IF NOT EXISTS hospitals(
            hospital TEXT PRIMARY KEY,
            delivered_case TEXT,
            delivered_version INTEGER,
            delivered_at INTEGER,
            error_case TEXT,
            error_version INTEGER,
            error TEXT,
            error_at INTEGER);
        """;

    private readonly Channel<OutboxOperation> queue = Channel.CreateUnbounded<OutboxOperation>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteConnection writer;
    private readonly SqliteConnection reader;
    private readonly Lock readLock = new();
    private readonly ILogger logger;
    private readonly Task loop;
    private int disposed;
    private long commits;

    private SqliteEhrOutbox(SqliteConnection writer, SqliteConnection reader, ILogger logger)
    {
        this.writer = writer;
        this.reader = reader;
        this.logger = logger;
        loop = Task.Run(RunAsync);
    }

    public string Path { get; private init; } = "";

    /// <summary>Transactions committed so far (fewer than writes when group commit shares them).</summary>
    internal long Commits => Interlocked.Read(ref commits);

    /// <summary>Opens (or creates) the outbox file and its folder.</summary>
    public static SqliteEhrOutbox Open(string path, ILogger<SqliteEhrOutbox> logger)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);

        // No pooling: disposing must really close the file, so a restarted service (or a test's second instance) owns it alone.
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

            // synchronous=FULL: the WAL is fsynced at every commit, so a document the producer was told is queued
            // survives a power loss; NORMAL would keep the file intact but could forget the last commits.
            Execute(writer, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;");
            Execute(writer, Schema);
            reader = new SqliteConnection(connectionString);
            reader.Open();
            Execute(reader, "PRAGMA busy_timeout=5000;");
            return new SqliteEhrOutbox(writer, reader, logger) { Path = full };
        }
        catch
        {
            reader?.Dispose();
            writer.Dispose();
            throw;
        }
    }

    public async Task<EhrEnqueueOutcome> EnqueueAsync(EhrDocument document, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(document);
        var result = await WriteAsync(tx =>
        {
            using var last = Command(tx, "SELECT last_version FROM versions WHERE hospital = $h AND case_id = $c",
                ("$h", document.HospitalId), ("$c", document.CaseId));
            if (last.ExecuteScalar() is long lastVersion && document.Version <= lastVersion)
            {
                return document.Version == lastVersion ? EhrEnqueueOutcome.Duplicate : EhrEnqueueOutcome.Stale;
            }

            using var insert = Command(tx, """
                INSERT INTO pending(hospital, case_id, version, reason, bundle, enqueued_at)
                VALUES ($h, $c, $v, $r, $b, $t);
                INSERT INTO versions(hospital, case_id, last_version) VALUES ($h, $c, $v)
                ON CONFLICT(hospital, case_id) DO UPDATE SET last_version = excluded.last_version;
                """,
                ("$h", document.HospitalId), ("$c", document.CaseId), ("$v", document.Version), ("$r", document.Reason),
                ("$b", document.BundleJson), ("$t", now.ToUnixTimeMilliseconds()));
            insert.ExecuteNonQuery();
            return EhrEnqueueOutcome.Queued;
        }).ConfigureAwait(false);
        return (EhrEnqueueOutcome)result!;
    }

    // Reads are local and short: run inline rather than pretend to be asynchronous.
    public Task<EhrPendingDocument?> PeekHeadAsync(string hospitalId, CancellationToken cancellationToken) => Task.FromResult(PeekHead(hospitalId));

    public Task<IReadOnlyDictionary<string, int>> PendingByHospitalAsync(CancellationToken cancellationToken) => Task.FromResult(PendingByHospital());

    public Task<EhrQueueState> ReadStateAsync(string hospitalId, CancellationToken cancellationToken) => Task.FromResult(ReadState(hospitalId));

    private EhrPendingDocument? PeekHead(string hospitalId)
    {
        lock (readLock)
        {
            using var command = reader.CreateCommand();
            command.CommandText = """
                SELECT id, hospital, case_id, version, reason, bundle, enqueued_at, attempts
                FROM pending WHERE hospital = $h ORDER BY id LIMIT 1
                """;
            command.Parameters.AddWithValue("$h", hospitalId);
            using var row = command.ExecuteReader();
            return row.Read()
                ? new EhrPendingDocument(row.GetInt64(0), row.GetString(1), row.GetString(2), row.GetInt32(3), row.GetString(4),
                    row.GetString(5), DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(6)), row.GetInt32(7))
                : null;
        }
    }

    public Task MarkDeliveredAsync(EhrPendingDocument document, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(document);
        return WriteAsync(tx =>
        {
            using var command = Command(tx, """
                DELETE FROM pending WHERE id = $id;
                INSERT INTO hospitals(hospital, delivered_case, delivered_version, delivered_at) VALUES ($h, $c, $v, $t)
                ON CONFLICT(hospital) DO UPDATE SET delivered_case = excluded.delivered_case,
                    delivered_version = excluded.delivered_version, delivered_at = excluded.delivered_at;
                """,
                ("$id", document.Id), ("$h", document.HospitalId), ("$c", document.CaseId), ("$v", document.Version),
                ("$t", at.ToUnixTimeMilliseconds()));
            return command.ExecuteNonQuery();
        });
    }

    public Task RecordFailureAsync(EhrPendingDocument document, string error, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(document);
        return WriteAsync(tx =>
        {
            using var command = Command(tx, """
                UPDATE pending SET attempts = attempts + 1 WHERE id = $id;
                INSERT INTO hospitals(hospital, error_case, error_version, error, error_at) VALUES ($h, $c, $v, $e, $t)
                ON CONFLICT(hospital) DO UPDATE SET error_case = excluded.error_case, error_version = excluded.error_version,
                    error = excluded.error, error_at = excluded.error_at;
                """,
                ("$id", document.Id), ("$h", document.HospitalId), ("$c", document.CaseId), ("$v", document.Version),
                ("$e", error), ("$t", at.ToUnixTimeMilliseconds()));
            return command.ExecuteNonQuery();
        });
    }

    public Task RejectAsync(EhrPendingDocument document, int statusCode, string outcome, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(document);
        return WriteAsync(tx =>
        {
            using var command = Command(tx, """
                INSERT INTO rejected(id, hospital, case_id, version, reason, bundle, enqueued_at, attempts, status_code, outcome, rejected_at)
                SELECT id, hospital, case_id, version, reason, bundle, enqueued_at, attempts + 1, $s, $o, $t FROM pending WHERE id = $id;
                DELETE FROM pending WHERE id = $id;
                """,
                ("$id", document.Id), ("$s", statusCode), ("$o", outcome), ("$t", at.ToUnixTimeMilliseconds()));
            return command.ExecuteNonQuery();
        });
    }

    private IReadOnlyDictionary<string, int> PendingByHospital()
    {
        lock (readLock)
        {
            using var command = reader.CreateCommand();
            command.CommandText = "SELECT hospital, COUNT(*) FROM pending GROUP BY hospital";
            using var rows = command.ExecuteReader();
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            while (rows.Read())
            {
                counts[rows.GetString(0)] = rows.GetInt32(1);
            }

            return counts;
        }
    }

    private EhrQueueState ReadState(string hospitalId)
    {
        lock (readLock)
        {
            using var command = reader.CreateCommand();
            command.CommandText = """
                SELECT (SELECT COUNT(*) FROM pending WHERE hospital = $h),
                       (SELECT enqueued_at FROM pending WHERE hospital = $h ORDER BY id LIMIT 1),
                       (SELECT attempts FROM pending WHERE hospital = $h ORDER BY id LIMIT 1),
                       (SELECT COUNT(*) FROM rejected WHERE hospital = $h);
                SELECT delivered_case, delivered_version, delivered_at, error_case, error_version, error, error_at
                FROM hospitals WHERE hospital = $h;
                SELECT case_id, version, status_code, outcome, rejected_at FROM rejected WHERE hospital = $h ORDER BY id DESC LIMIT 1;
                """;
            command.Parameters.AddWithValue("$h", hospitalId);
            using var rows = command.ExecuteReader();
            rows.Read();
            var pending = rows.GetInt32(0);
            DateTimeOffset? oldest = rows.IsDBNull(1) ? null : DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(1));
            var headAttempts = rows.IsDBNull(2) ? 0 : rows.GetInt32(2);
            var rejected = rows.GetInt32(3);

            EhrDelivery? delivered = null;
            EhrFailure? error = null;
            rows.NextResult();
            if (rows.Read())
            {
                if (!rows.IsDBNull(0))
                {
                    delivered = new EhrDelivery(rows.GetString(0), rows.GetInt32(1), DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(2)));
                }

                if (!rows.IsDBNull(3))
                {
                    error = new EhrFailure(rows.GetString(3), rows.GetInt32(4), rows.GetString(5), DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(6)));
                }
            }

            EhrRejection? lastRejected = null;
            rows.NextResult();
            if (rows.Read())
            {
                lastRejected = new EhrRejection(rows.GetString(0), rows.GetInt32(1), rows.GetInt32(2), rows.GetString(3),
                    DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(4)));
            }

            return new EhrQueueState(pending, oldest, headAttempts, delivered, error, rejected, lastRejected);
        }
    }

    /// <summary>Stops taking writes, finishes those already queued, and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        queue.Writer.TryComplete();
        await loop.ConfigureAwait(false);
        lock (readLock)
        {
            reader.Dispose();
        }

        writer.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private Task<object?> WriteAsync(Func<SqliteTransaction, object?> work)
    {
        var operation = new OutboxOperation(work);
        if (!queue.Writer.TryWrite(operation))
        {
            throw new ObjectDisposedException(nameof(SqliteEhrOutbox), "The EHR outbox is closed.");
        }

        return operation.Completion.Task;
    }

    private async Task RunAsync()
    {
        var group = new List<OutboxOperation>();
        while (await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (group.Count < 256 && queue.Reader.TryRead(out var operation))
            {
                group.Add(operation);
            }

            if (!TryCommit(group) && group.Count > 1)
            {
                // One bad write must not fail the others that happened to share its transaction: retry them one by one.
                foreach (var operation in group)
                {
                    TryCommit([operation]);
                }
            }

            group.Clear();
        }
    }

    /// <summary>Commits the group in one transaction; a lone write that fails is failed to its caller.</summary>
    private bool TryCommit(List<OutboxOperation> group)
    {
        var results = new object?[group.Count];
        try
        {
            using var tx = writer.BeginTransaction();
            for (var i = 0; i < group.Count; i++)
            {
                results[i] = group[i].Work(tx);
            }

            tx.Commit();
            Interlocked.Increment(ref commits);
        }
#pragma warning disable CA1031 // Whatever failed, the callers must hear of it and the loop must go on with the next writes.
        catch (Exception e)
#pragma warning restore CA1031
        {
            EhrLog.OutboxCommitFailed(logger, group.Count, e);
            if (group.Count == 1)
            {
                group[0].Completion.TrySetException(e);
            }

            return false;
        }

        for (var i = 0; i < group.Count; i++)
        {
            group[i].Completion.TrySetResult(results[i]);
        }

        return true;
    }

    private static SqliteCommand Command(SqliteTransaction tx, string sql, params (string Name, object Value)[] parameters)
    {
        var command = tx.Connection!.CreateCommand();
        command.Transaction = tx;
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
